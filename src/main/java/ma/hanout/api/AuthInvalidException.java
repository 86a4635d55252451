package ma.hanout.api;

/** {@code 401 AUTH_INVALID}: the client code or API key is wrong. Definitive. */
public final class AuthInvalidException extends ApiErrorException {
    public AuthInvalidException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
