package ma.hanout.api;

/** {@code 500 WEBHOOK_UPDATE_FAILED}: the server could not save the webhook settings. Not definitive: try again later. */
public final class WebhookUpdateFailedException extends ApiErrorException {
    public WebhookUpdateFailedException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
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
