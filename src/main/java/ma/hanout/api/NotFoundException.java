package ma.hanout.api;

/** {@code 404 NOT_FOUND}: no recharge with this reference (by-ref) or id (by-id). Definitive: after an uncertain send, it means that send was not applied and the same reference may be sent again. */
public final class NotFoundException extends ApiErrorException {
    public NotFoundException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
