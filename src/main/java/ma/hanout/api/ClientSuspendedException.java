package ma.hanout.api;

/** {@code 403 CLIENT_SUSPENDED}: the account is suspended; nothing is applied. Definitive. */
public final class ClientSuspendedException extends ApiErrorException {
    public ClientSuspendedException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
