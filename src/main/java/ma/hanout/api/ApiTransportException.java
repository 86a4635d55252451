package ma.hanout.api;

/** No complete answer came: there is no HTTP status, no error code, and nothing is definitive. */
public abstract class ApiTransportException extends ApiException {

    protected ApiTransportException(String endpoint, String message, Throwable cause) {
        super(endpoint, 0, null, null, message, cause);
    }

    @Override
    public final boolean isDefinitive() {
        return false;
    }
}
