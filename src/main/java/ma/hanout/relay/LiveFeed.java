package ma.hanout.relay;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Fans committed events out to the connected subscribers. Each subscriber has its own bounded queue
 * of batches: publishing never waits for a subscriber, and one that falls too far behind is marked
 * overflowed, so its connection is closed and it resumes from the database by Last-Event-ID.
 */
final class LiveFeed {
    private static final List<EventFrame> CLOSED = List.of();

    /** One subscriber's queue. */
    static final class Subscription {
        private final BlockingQueue<List<EventFrame>> queue;
        private final Runnable onOverflow;
        private volatile boolean overflowed;
        private volatile boolean closed;

        Subscription(int capacity, Runnable onOverflow) {
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.onOverflow = onOverflow;
        }

        /** The next batch, or null after {@code timeout}, or an empty list once closed or overflowed. */
        List<EventFrame> next(long timeout, TimeUnit unit) throws InterruptedException {
            if (overflowed || closed) {
                return CLOSED;
            }
            List<EventFrame> batch = queue.poll(timeout, unit);
            return overflowed || closed ? CLOSED : batch;
        }

        /** A batch already waiting, or null. */
        List<EventFrame> poll() {
            return overflowed || closed ? null : queue.poll();
        }

        private void offer(List<EventFrame> batch) {
            if (overflowed || closed) {
                return;
            }
            if (!queue.offer(batch)) {
                overflowed = true;
                onOverflow.run();
                queue.clear();
                queue.offer(CLOSED);
            }
        }

        private void close() {
            closed = true;
            queue.clear();
            queue.offer(CLOSED);
        }
    }

    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final int capacity;
    private final Runnable onOverflow;

    /** {@code onOverflow} runs once per subscriber that falls {@code capacity} batches behind. */
    LiveFeed(int capacity, Runnable onOverflow) {
        this.capacity = capacity;
        this.onOverflow = onOverflow;
    }

    /** Registers a subscriber before it reads the database, so nothing committed meanwhile is missed. */
    Subscription subscribe() {
        Subscription s = new Subscription(capacity, onOverflow);
        subscriptions.add(s);
        return s;
    }

    void unsubscribe(Subscription s) {
        subscriptions.remove(s);
    }

    int size() {
        return subscriptions.size();
    }

    /** Hands a committed batch to every subscriber; never blocks. */
    void publish(List<EventFrame> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (Subscription s : subscriptions) {
            s.offer(batch);
        }
    }

    void closeAll() {
        for (Subscription s : subscriptions) {
            s.close();
        }
    }
}
