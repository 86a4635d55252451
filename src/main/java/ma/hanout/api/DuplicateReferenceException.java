package ma.hanout.api;

/**
 * {@code 409 DUPLICATE_REFERENCE}: a recharge with this {@code external_reference} already exists.
 * Definitive, and this request was not applied; the existing recharge is the sale's own (an earlier
 * send that got through): adopt it with {@code byRef}.
 */
public final class DuplicateReferenceException extends ApiErrorException {
    public DuplicateReferenceException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
