package ma.hanout.relay;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single writer of the event table, doing group commit: ingest requests queue their event, the
 * writer takes everything waiting (up to a batch), stores it in one transaction, one fsync, then
 * completes each request's future, so a webhook is acknowledged only once its batch is on disk.
 * Concurrent webhooks share an fsync instead of queueing behind one each. One writer also means ids
 * are committed, and published to the live feed, in increasing order.
 */
final class IngestWriter implements AutoCloseable {
    private static final int MAX_BATCH = 256;

    /** An event waiting to be stored, with the tail of its JSON already rendered by the request thread. */
    record Pending(EventStore.NewEvent event, byte[] jsonTail, CompletableFuture<EventStore.Appended> done) {
    }

    private final EventStore store;
    private final java.util.function.Consumer<List<EventFrame>> publish;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final Duration retention;
    private final Duration sweepEvery;
    private final PrintStream log;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private Instant nextSweep;

    IngestWriter(EventStore store, java.util.function.Consumer<List<EventFrame>> publish, RelayMetrics metrics, Clock clock, Duration retention,
            Duration sweepEvery, PrintStream log) {
        this.store = store;
        this.publish = publish;
        this.metrics = metrics;
        this.clock = clock;
        this.retention = retention;
        this.sweepEvery = sweepEvery;
        this.log = log;
        this.nextSweep = clock.instant();
        this.thread = new Thread(this::run, "relay-ingest-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues an event; the future completes once it is committed (or fails if it could not be). */
    CompletableFuture<EventStore.Appended> submit(EventStore.NewEvent event, byte[] jsonTail) {
        CompletableFuture<EventStore.Appended> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new EventStoreException("the relay is shutting down", null));
            return done;
        }
        queue.add(new Pending(event, jsonTail, done));
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty()) {
            try {
                sweepIfDue();
                Pending first = queue.poll(Math.min(sweepEvery.toMillis(), 1000), TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                commit(batch);
            } catch (InterruptedException e) {
                // close() interrupts a writer waiting on an empty queue; the loop condition decides
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending> batch) {
        List<EventStore.NewEvent> events = new ArrayList<>(batch.size());
        for (Pending p : batch) {
            events.add(p.event());
        }
        List<EventStore.Appended> results;
        long started = System.nanoTime();
        try {
            results = store.append(events);
        } catch (RuntimeException e) {
            log.println("relay: could not store " + batch.size() + " event(s), not acknowledged: " + e.getMessage());
            for (Pending p : batch) {
                p.done().completeExceptionally(e);
            }
            return;
        }
        metrics.committed(System.nanoTime() - started);
        List<EventFrame> fresh = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Pending p = batch.get(i);
            EventStore.Appended a = results.get(i);
            if (a.duplicate()) {
                metrics.duplicate(p.event().source());
            } else {
                metrics.received(p.event().source());
                fresh.add(new EventFrame(a.id(), p.event().receivedAt().toEpochMilli(),
                        EventJson.sseFrame(a.id(), p.jsonTail())));
            }
        }
        if (!fresh.isEmpty()) {
            publish.accept(List.copyOf(fresh));
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).done().complete(results.get(i));
        }
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(sweepEvery);
        try {
            int n = store.deleteReceivedBefore(now.minus(retention));
            if (n > 0) {
                log.println("relay: retention removed " + n + " event(s) older than " + retention.toDays() + " days");
            }
        } catch (RuntimeException e) {
            log.println("relay: retention sweep failed, will retry: " + e.getMessage());
        }
    }

    /** Stops taking events, stores what is already queued, and waits for the writer to finish. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
