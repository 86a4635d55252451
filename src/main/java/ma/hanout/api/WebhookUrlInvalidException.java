package ma.hanout.api;

/** {@code 400 WEBHOOK_URL_INVALID}: the {@code webhook_url} is not a valid URL. Definitive. */
public final class WebhookUrlInvalidException extends ApiErrorException {
    public WebhookUrlInvalidException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
