package ma.hanout.relay;

/** Where a terminal's subscription to the relay stands; the status bar shows it. */
public enum RelayConnectionState {
    /** Opening the stream (first time, or again after a failure). */
    CONNECTING,
    /** The stream is open: events arrive as the relay receives them; polling may slow down. */
    CONNECTED,
    /** No stream now; the subscriber retries with backoff. Polling carries status meanwhile. */
    DISCONNECTED,
    /** Stopped by {@link RelaySubscriber#close()}. */
    STOPPED
}
