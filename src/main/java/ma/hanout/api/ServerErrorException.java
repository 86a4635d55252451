package ma.hanout.api;

/**
 * A {@code 5xx} answer without a known error code (including a proxy's non-JSON error page). Not
 * definitive, and the request may have been applied (a server can fail after acting): a recharge
 * is looked up by reference before it is sent again.
 */
public final class ServerErrorException extends ApiErrorException {
    public ServerErrorException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }

    @Override
    public boolean isDefinitive() {
        return false;
    }

    @Override
    public boolean mayHaveBeenApplied() {
        return true;
    }
}
