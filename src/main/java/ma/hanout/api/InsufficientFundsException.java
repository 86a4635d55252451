package ma.hanout.api;

/** {@code 400 INSUFFICIENT_FUNDS}: the balance plus credit limit cannot cover the billing amount; nothing is debited. Definitive. */
public final class InsufficientFundsException extends ApiErrorException {
    public InsufficientFundsException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
