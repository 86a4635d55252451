package ma.hanout.relay;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The subscribers of {@code GET /events} and the fan-out to them, on the stream thread ({@code loop}).
 *
 * <p>A new subscriber is registered first, then replayed from the database after its resume point
 * (page by page on a worker, the next page only once the previous one has drained), while committed
 * batches that arrive meanwhile are held for it; then it goes live, skipping any id it already got.
 * So nothing committed during the replay is lost or sent twice. Live batches are rendered once and
 * written to every subscriber without blocking. Each subscriber's backlog is bounded (bytes waiting
 * on its connection, batches held during its replay): past the bound it is disconnected, and resumes
 * by Last-Event-ID from the database. Nobody else waits for it.
 */
final class EventStreams {
    private static final int REPLAY_PAGE = 500;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    /** One subscriber. Stream thread only. */
    private static final class Session {
        final EventSink sink;
        long lastSent;
        boolean live;
        List<List<EventFrame>> held = new ArrayList<>();
        long lastWriteNanos = System.nanoTime();

        Session(EventSink sink, long after) {
            this.sink = sink;
            this.lastSent = after;
        }
    }

    private final Executor loop;
    private final EventStore store;
    private final Executor workers;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final long heartbeatNanos;
    private final long maxBacklogBytes;
    private final int maxHeldBatches;
    private final List<Session> sessions = new ArrayList<>();
    private final List<EventFrame> waiting = new ArrayList<>();
    private boolean fanOutScheduled;
    private final AtomicInteger count = new AtomicInteger();

    EventStreams(Executor loop, EventStore store, Executor workers, RelayMetrics metrics, Clock clock,
            long heartbeatNanos, long maxBacklogBytes, int maxHeldBatches) {
        this.loop = loop;
        this.store = store;
        this.workers = workers;
        this.metrics = metrics;
        this.clock = clock;
        this.heartbeatNanos = heartbeatNanos;
        this.maxBacklogBytes = maxBacklogBytes;
        this.maxHeldBatches = maxHeldBatches;
    }

    /** Subscribers connected now (from any thread). */
    int size() {
        return count.get();
    }

    /** Starts a subscriber on a freshly opened stream. Stream thread. */
    void open(EventSink sink, long after, byte[] preamble) {
        Session s = new Session(sink, after);
        sessions.add(s);
        count.incrementAndGet();
        metrics.subscriberConnected();
        sink.onClose(() -> {
            sessions.remove(s);
            count.decrementAndGet();
            metrics.subscriberDisconnected();
        });
        sink.send(ByteBuffer.wrap(preamble));
        replayFrom(s, after);
    }

    private void replayFrom(Session s, long cursor) {
        workers.execute(() -> {
            List<StoredEvent> page;
            try {
                page = store.after(cursor, REPLAY_PAGE);
            } catch (EventStoreException e) {
                loop.execute(s.sink::abort);
                return;
            }
            byte[] bytes = frames(page);
            long last = page.isEmpty() ? cursor : page.get(page.size() - 1).id();
            boolean more = page.size() == REPLAY_PAGE;
            loop.execute(() -> replayed(s, bytes, last, more));
        });
    }

    private static byte[] frames(List<StoredEvent> page) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(page.size() * 1024);
        for (StoredEvent e : page) {
            out.writeBytes(EventJson.sseFrame(e.id(), EventJson.tail(e)));
        }
        return out.toByteArray();
    }

    private void replayed(Session s, byte[] bytes, long last, boolean more) {
        if (!s.sink.isOpen()) {
            return;
        }
        if (bytes.length > 0) {
            s.sink.send(ByteBuffer.wrap(bytes));
            s.lastSent = last;
            s.lastWriteNanos = System.nanoTime();
        }
        if (more) {
            s.sink.onDrained(() -> replayFrom(s, last));
            return;
        }
        s.live = true;
        List<List<EventFrame>> held = s.held;
        s.held = null;
        for (List<EventFrame> batch : held) {
            deliver(s, batch, null);
        }
    }

    /**
     * Hands a committed batch to every subscriber; returns at once (the stream thread writes). Batches
     * committed while the stream thread is still busy with earlier ones are merged, so a loaded relay
     * makes fewer, larger writes instead of falling further behind.
     */
    void publish(List<EventFrame> batch) {
        if (batch.isEmpty()) {
            return;
        }
        synchronized (waiting) {
            waiting.addAll(batch);
            if (fanOutScheduled) {
                return;
            }
            fanOutScheduled = true;
        }
        loop.execute(() -> {
            List<EventFrame> merged;
            synchronized (waiting) {
                merged = List.copyOf(waiting);
                waiting.clear();
                fanOutScheduled = false;
            }
            fanOut(merged);
        });
    }

    private void fanOut(List<EventFrame> batch) {
        byte[] shared = null;
        int delivered = 0;
        for (Session s : new ArrayList<>(sessions)) {
            if (!s.live) {
                if (s.held.size() >= maxHeldBatches) {
                    drop(s);
                } else {
                    s.held.add(batch);
                }
                continue;
            }
            if (batch.get(0).id() > s.lastSent) {
                if (shared == null) {
                    shared = concat(batch, Long.MIN_VALUE);
                }
                deliver(s, batch, shared);
            } else {
                deliver(s, batch, null);
            }
            delivered++;
        }
        if (delivered > 0) {
            long now = clock.millis();
            for (EventFrame f : batch) {
                metrics.deliveryLag(Math.max(0, now - f.receivedAtMillis()), delivered);
            }
        }
    }

    /** Writes the frames of {@code batch} this subscriber has not had; {@code all} is the whole batch rendered. */
    private void deliver(Session s, List<EventFrame> batch, byte[] all) {
        byte[] bytes = all != null ? all : concat(batch, s.lastSent);
        if (bytes.length == 0) {
            return;
        }
        s.sink.send(ByteBuffer.wrap(bytes));
        s.lastSent = batch.get(batch.size() - 1).id();
        s.lastWriteNanos = System.nanoTime();
        if (s.sink.pendingBytes() > maxBacklogBytes) {
            drop(s);
        }
    }

    private static byte[] concat(List<EventFrame> batch, long after) {
        int size = 0;
        for (EventFrame f : batch) {
            if (f.id() > after) {
                size += f.sse().length;
            }
        }
        byte[] out = new byte[size];
        int at = 0;
        for (EventFrame f : batch) {
            if (f.id() > after) {
                System.arraycopy(f.sse(), 0, out, at, f.sse().length);
                at += f.sse().length;
            }
        }
        return out;
    }

    private void drop(Session s) {
        metrics.subscriberDropped("overflow");
        s.sink.abort();
    }

    /** A comment line to every subscriber that has had nothing for a heartbeat period. Stream thread. */
    void heartbeat() {
        long now = System.nanoTime();
        for (Session s : new ArrayList<>(sessions)) {
            if (s.live && now - s.lastWriteNanos >= heartbeatNanos) {
                s.sink.send(ByteBuffer.wrap(HEARTBEAT));
                s.lastWriteNanos = now;
            }
        }
    }

    /** Ends every stream cleanly (relay shutting down). Stream thread. */
    void finishAll() {
        for (Session s : new ArrayList<>(sessions)) {
            s.sink.finish();
        }
    }
}
