package ma.hanout.engine;

import java.time.Clock;
import java.time.Duration;

/**
 * The engine's timings. Defaults suit a counter; tests shorten them and inject a clock.
 *
 * @param requestTimeout     how long one API call may take before its outcome is called uncertain
 * @param queueMaxAge        a queued sale older than this is not sent on its own: it waits for a person
 * @param backoffInitial     first retry delay after a network error or a 5xx
 * @param backoffMax         the retry delay never grows beyond this
 * @param bulkSize           at most this many queued sales go in one {@code /recharge/bulk} call
 * @param failedWatch        how long a failed sale is still watched for a second attempt (21, 22)
 * @param watchWindow        accepted sales younger than this are polled until their status is final
 * @param historySyncEvery   how often {@code /history} is read to bring in sales made elsewhere
 * @param relaySlowdown      polling intervals are multiplied by this while the relay delivers events
 */
public record EngineConfig(
        Clock clock,
        Duration requestTimeout,
        Duration queueMaxAge,
        Duration backoffInitial,
        Duration backoffMax,
        int bulkSize,
        Duration failedWatch,
        Duration watchWindow,
        Duration historySyncEvery,
        int relaySlowdown) {

    public static EngineConfig defaults(Clock clock) {
        return new EngineConfig(clock, Duration.ofSeconds(15), Duration.ofMinutes(60), Duration.ofSeconds(1),
                Duration.ofSeconds(60), 50, Duration.ofMinutes(30), Duration.ofHours(24), Duration.ofMinutes(5), 5);
    }

    public EngineConfig withRequestTimeout(Duration d) {
        return new EngineConfig(clock, d, queueMaxAge, backoffInitial, backoffMax, bulkSize, failedWatch, watchWindow,
                historySyncEvery, relaySlowdown);
    }

    public EngineConfig withQueueMaxAge(Duration d) {
        return new EngineConfig(clock, requestTimeout, d, backoffInitial, backoffMax, bulkSize, failedWatch,
                watchWindow, historySyncEvery, relaySlowdown);
    }

    public EngineConfig withBackoff(Duration initial, Duration max) {
        return new EngineConfig(clock, requestTimeout, queueMaxAge, initial, max, bulkSize, failedWatch, watchWindow,
                historySyncEvery, relaySlowdown);
    }

    public EngineConfig withBulkSize(int n) {
        return new EngineConfig(clock, requestTimeout, queueMaxAge, backoffInitial, backoffMax, n, failedWatch,
                watchWindow, historySyncEvery, relaySlowdown);
    }

    public EngineConfig withHistorySyncEvery(Duration d) {
        return new EngineConfig(clock, requestTimeout, queueMaxAge, backoffInitial, backoffMax, bulkSize, failedWatch,
                watchWindow, d, relaySlowdown);
    }

    /** A lease outlives the longest call it guards, so that no second sender steps in while one is in flight. */
    public Duration lease() {
        return requestTimeout.multipliedBy(2).plusSeconds(10);
    }
}
