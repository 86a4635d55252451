package ma.hanout.relay;

/**
 * Receives MoroccoTopup recharge events from the relay ({@code recharge.created},
 * {@code recharge.status_changed}); the engine applies them to its sales with the same monotonic rules
 * as polling. Called on the subscriber's thread, one event at a time, in stream order; an exception
 * leaves the event unsaved in the cursor, so it comes again after a reconnect.
 */
@FunctionalInterface
public interface RechargeStatusSink {
    void onStatus(RechargeEvent event);
}
