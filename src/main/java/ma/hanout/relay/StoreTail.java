package ma.hanout.relay;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The live feed of a store that several relay processes write to: follows the table by id and
 * hands every newly committed event, whoever committed it, to the event streams in id order. It is
 * woken by this process's own commits and by the store's notifications of others' (PostgreSQL
 * NOTIFY), and reads at least every second anyway, so a lost notification or a reconnect only
 * delays an event, never loses it: the cursor is the id, not the notification.
 */
final class StoreTail implements AutoCloseable {
    private static final int PAGE = 500;
    private static final long POLL_MILLIS = 1_000;

    private final EventStore store;
    private final Consumer<List<EventFrame>> publish;
    private final PrintStream log;
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long published;

    StoreTail(EventStore store, Consumer<List<EventFrame>> publish, PrintStream log) {
        this.store = store;
        this.publish = publish;
        this.log = log;
        this.published = store.feedStart();
        this.thread = new Thread(this::run, "relay-store-tail");
        this.thread.setDaemon(true);
        store.onCommitElsewhere(this::poke);
        this.thread.start();
    }

    /** Something was committed: read the table soon. Any thread. */
    void poke() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    /** The highest id handed to the streams. */
    long published() {
        return published;
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(POLL_MILLIS, TimeUnit.MILLISECONDS);
                wake.drainPermits();
                catchUp();
            } catch (InterruptedException e) {
                // close() wakes us; the loop condition decides
            } catch (EventStoreException e) {
                log.println("relay: cannot read new events, will retry: " + e.getMessage());
            }
        }
    }

    private void catchUp() {
        while (running) {
            List<StoredEvent> page = store.after(published, PAGE);
            if (page.isEmpty()) {
                return;
            }
            List<EventFrame> frames = new ArrayList<>(page.size());
            for (StoredEvent e : page) {
                frames.add(new EventFrame(e.id(), e.receivedAt().toEpochMilli(), EventJson.sseFrame(e.id(), EventJson.tail(e))));
            }
            publish.accept(List.copyOf(frames));
            published = page.get(page.size() - 1).id();
            if (page.size() < PAGE) {
                return;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
