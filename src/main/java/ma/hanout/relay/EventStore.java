package ma.hanout.relay;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ma.hanout.webhook.WebhookSource;

/**
 * Where the relay keeps its events: SQLite for one relay process ({@link SqliteEventStore}), or
 * PostgreSQL shared by several ({@link PostgresEventStore}). Either way an append is durable when it
 * returns, a second delivery of one event keeps the first id, and ids are one increasing sequence in
 * the order the events were committed.
 */
interface EventStore extends AutoCloseable {
    /** An event to append; {@code dedupKey} is the same for every delivery of one provider event. */
    record NewEvent(WebhookSource source, String type, String dedupKey, Instant receivedAt, byte[] rawBody,
            Map<String, String> headers) {
    }

    /** The outcome of an append: the stream id, and whether that event was already stored. */
    record Appended(long id, boolean duplicate) {
    }

    /**
     * Appends a batch in one transaction (the group commit). Ingest writer thread only. A duplicate
     * (same dedup key, possibly earlier in the same batch) keeps its first id.
     */
    List<Appended> append(List<NewEvent> batch);

    /** Deletes events received before {@code cutoff}; returns how many. Ingest writer thread only. */
    int deleteReceivedBefore(Instant cutoff);

    /** Up to {@code limit} events with an id above {@code afterId}, oldest first. */
    List<StoredEvent> after(long afterId, int limit);

    /** The highest id ever given (0 when none), so a resume point above it is recognised as foreign. */
    long lastId();

    /**
     * Whether other relay processes append to this store too. Then the live feed must come from the
     * store itself (see {@link StoreTail}), not only from this process's own commits.
     */
    default boolean shared() {
        return false;
    }

    /** Where a live feed of this store starts: the highest id such that every lower one is committed or never will be. */
    default long feedStart() {
        return lastId();
    }

    /** Runs {@code r} (from any thread) whenever another process may have committed events. */
    default void onCommitElsewhere(Runnable r) {
    }

    /** Adds this store's own figures to {@code /metrics}. */
    default void gauges(RelayMetrics metrics) {
    }

    @Override
    void close();

    /** {@code postgresql://USER:PW@HOST:PORT/DB} opens PostgreSQL; anything else is a SQLite file. */
    static EventStore open(String database) {
        if (PostgresEventStore.handles(database)) {
            return PostgresEventStore.open(database);
        }
        return SqliteEventStore.open(Path.of(database));
    }
}
