package ma.hanout.api;

/** {@code 401 AUTH_MISSING}: the {@code X-Client-Code} or {@code X-Api-Key} header was not sent. Definitive. */
public final class AuthMissingException extends ApiErrorException {
    public AuthMissingException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
