package ma.hanout.relay;

/** Hears how the subscription is doing. Called on the subscriber's threads; hand UI work to the FX thread. */
public interface RelaySubscriberListener {
    /** The connection changed state; {@code detail} says why in words (e.g. "relay refused the token (401)"). */
    void onStateChanged(RelayConnectionState state, String detail);

    /**
     * An event was refused: its provider signature did not verify (a relay that is broken into cannot
     * invent a status), or it could not be read. It is counted and skipped.
     */
    default void onEventRejected(String streamId, String reason) {
    }

    static RelaySubscriberListener none() {
        return (state, detail) -> {
        };
    }
}
