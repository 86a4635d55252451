package ma.hanout.api;

/**
 * The server answered, but not as the reference describes: a body that is not JSON, a missing
 * required field, a value of the wrong type, an error code on a status that is neither 4xx nor 5xx,
 * a bulk answer with the wrong number of items. Not definitive (a proxy or a deploy may be in the
 * way) and, for a recharge, maybe applied: the request reached something that answered.
 */
public final class UnexpectedResponseException extends ApiException {

    public UnexpectedResponseException(String endpoint, int httpStatus, String errorCode, String detail,
            Throwable cause) {
        super(endpoint, httpStatus, errorCode, null,
                endpoint + ": unexpected answer" + (httpStatus > 0 ? " (HTTP " + httpStatus + ")" : "") + ": " + detail,
                cause);
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
