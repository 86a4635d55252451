package ma.hanout.api;

/**
 * The server answered with an error body {@code {"message": ..., "parameters": {"code": ...}}}.
 * Definitive and not applied unless a subclass says otherwise (the {@code 5xx} ones).
 */
public abstract class ApiErrorException extends ApiException {

    protected ApiErrorException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage, describe(endpoint, httpStatus, errorCode, serverMessage),
                null);
    }

    private static String describe(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        StringBuilder b = new StringBuilder(endpoint).append(": ");
        b.append(httpStatus > 0 ? Integer.toString(httpStatus) : "refused");
        if (errorCode != null) {
            b.append(' ').append(errorCode);
        }
        if (serverMessage != null && !serverMessage.isBlank()) {
            b.append(": ").append(serverMessage.strip());
        }
        return b.toString();
    }

    @Override
    public boolean isDefinitive() {
        return true;
    }

    @Override
    public boolean mayHaveBeenApplied() {
        return false;
    }
}
