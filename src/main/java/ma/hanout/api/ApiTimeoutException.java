package ma.hanout.api;

/**
 * The request was sent but no answer came within the configured request timeout. The server may
 * have applied it: look a recharge up by reference before sending it again.
 */
public final class ApiTimeoutException extends ApiTransportException {
    public ApiTimeoutException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }

    @Override
    public boolean mayHaveBeenApplied() {
        return true;
    }
}
