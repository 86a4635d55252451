package ma.hanout.api;

/** {@code 400 WEBHOOK_URL_REQUIRED}: {@code POST /webhook} without a {@code webhook_url}. Definitive. */
public final class WebhookUrlRequiredException extends ApiErrorException {
    public WebhookUrlRequiredException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
