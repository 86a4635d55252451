package ma.hanout.relay;

/** The relay's database failed; the webhook is not acknowledged, so the provider retries it. */
public final class EventStoreException extends RuntimeException {
    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
