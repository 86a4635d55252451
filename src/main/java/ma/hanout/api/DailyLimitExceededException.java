package ma.hanout.api;

/** {@code 400 DAILY_LIMIT_EXCEEDED}: the account's daily limit is reached; nothing is applied. Definitive. */
public final class DailyLimitExceededException extends ApiErrorException {
    public DailyLimitExceededException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
