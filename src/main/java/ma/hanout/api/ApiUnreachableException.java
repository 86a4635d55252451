package ma.hanout.api;

/**
 * Could not connect (connection refused, unknown host, connect timeout, TLS handshake refused):
 * the request provably never left, so a recharge may be sent again as it is.
 */
public final class ApiUnreachableException extends ApiTransportException {
    public ApiUnreachableException(String endpoint, String message, Throwable cause) {
        super(endpoint, message, cause);
    }

    @Override
    public boolean mayHaveBeenApplied() {
        return false;
    }
}
