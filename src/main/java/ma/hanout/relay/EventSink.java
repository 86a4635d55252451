package ma.hanout.relay;

import java.nio.ByteBuffer;

/**
 * A streaming response on the stream thread: what the event stream writes to one subscriber. Every
 * method must be called on the relay's stream thread ({@link RelayHttp#execute}). Writes never block: bytes queue up on the
 * connection, and {@link #pendingBytes()} says how far behind the subscriber is.
 */
interface EventSink {
    boolean isOpen();

    /** Bytes queued and not yet accepted by the socket. */
    long pendingBytes();

    /** Queues {@code data} as one piece of the stream (one HTTP chunk). */
    void send(ByteBuffer data);

    /** Runs {@code r} once the queue has drained below the low-water mark (at once if it already is). */
    void onDrained(Runnable r);

    /** Runs {@code r} when the connection closes, for whatever reason. */
    void onClose(Runnable r);

    /** Ends the stream properly (last chunk) once what is queued is written. */
    void finish();

    /** Drops the connection now, queued bytes and all (a subscriber too far behind). */
    void abort();
}
