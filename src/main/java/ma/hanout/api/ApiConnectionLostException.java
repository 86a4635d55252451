package ma.hanout.api;

/**
 * The connection broke once it was open (reset, closed, an answer cut short), or the calling
 * thread was interrupted while waiting. The server may have applied the request: look a recharge
 * up by reference before sending it again.
 */
public final class ApiConnectionLostException extends ApiTransportException {
    public ApiConnectionLostException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }

    @Override
    public boolean mayHaveBeenApplied() {
        return true;
    }
}
