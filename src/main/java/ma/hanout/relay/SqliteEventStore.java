package ma.hanout.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * The relay's own SQLite file: one table of events. WAL with {@code synchronous=FULL}, so a commit
 * is on disk when it returns. One writer connection, used only by the {@link IngestWriter} thread;
 * a few reader connections for the stream and the JSON listing (WAL lets them read while it writes).
 * Ids come from {@code AUTOINCREMENT}: never reused, even after retention deleted the newest rows.
 */
final class SqliteEventStore implements EventStore {
    private static final int READERS = 4;

    private final Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();

    private SqliteEventStore(Connection writer) {
        this.writer = writer;
    }

    static SqliteEventStore open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection w = connect(file);
            SqliteEventStore store = new SqliteEventStore(w);
            try (Statement s = w.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
            }
            store.migrate();
            for (int i = 0; i < READERS; i++) {
                Connection r = connect(file);
                store.allReaders.add(r);
                store.readers.add(r);
            }
            return store;
        } catch (SQLException | java.io.IOException e) {
            throw new EventStoreException("cannot open the relay database " + file + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA synchronous=FULL");
        }
        return c;
    }

    private void migrate() throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try {
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.getInt(1);
                }
                if (version < 1) {
                    s.execute("""
                            CREATE TABLE events (
                              id          INTEGER PRIMARY KEY AUTOINCREMENT,
                              source      TEXT    NOT NULL,
                              type        TEXT    NOT NULL,
                              dedup_key   TEXT    NOT NULL UNIQUE,
                              received_at INTEGER NOT NULL,
                              raw_body    BLOB    NOT NULL,
                              headers     TEXT    NOT NULL
                            ) STRICT""");
                    s.execute("CREATE INDEX events_received_at ON events(received_at)");
                    s.execute("PRAGMA user_version=1");
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /**
     * Appends a batch in one transaction (one fsync for all of them): the group commit. Writer
     * thread only. A duplicate (same dedup key, possibly earlier in the same batch) keeps its first id.
     */
    @Override
    public List<Appended> append(List<NewEvent> batch) {
        List<Appended> out = new ArrayList<>(batch.size());
        try (Statement s = writer.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            try (PreparedStatement existing = writer.prepareStatement("SELECT id FROM events WHERE dedup_key = ?");
                    PreparedStatement insert = writer.prepareStatement("""
                    INSERT INTO events(source, type, dedup_key, received_at, raw_body, headers)
                    VALUES (?, ?, ?, ?, ?, ?)
                    RETURNING id""")) {
                for (NewEvent e : batch) {
                    // looked up first rather than INSERT ... ON CONFLICT: a refused insert still
                    // advances AUTOINCREMENT and would leave gaps in the stream ids
                    existing.setString(1, e.dedupKey());
                    try (ResultSet rs = existing.executeQuery()) {
                        if (rs.next()) {
                            out.add(new Appended(rs.getLong(1), true));
                            continue;
                        }
                    }
                    insert.setString(1, e.source().wireName());
                    insert.setString(2, e.type());
                    insert.setString(3, e.dedupKey());
                    insert.setLong(4, e.receivedAt().toEpochMilli());
                    insert.setBytes(5, e.rawBody());
                    insert.setString(6, StoredEventColumns.headers(e.headers()));
                    try (ResultSet rs = insert.executeQuery()) {
                        if (!rs.next()) {
                            throw new SQLException("insert returned no id");
                        }
                        out.add(new Appended(rs.getLong(1), false));
                    }
                }
                s.execute("COMMIT");
                return out;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                rollback(s);
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new EventStoreException("cannot store events: " + e.getMessage(), e);
        }
    }

    private static void rollback(Statement s) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // the transaction is already gone; the original failure is what matters
        }
    }

    /** Deletes events received before {@code cutoff}, in chunks; returns how many. Writer thread only. */
    @Override
    public int deleteReceivedBefore(Instant cutoff) {
        int total = 0;
        try (PreparedStatement del = writer.prepareStatement("""
                DELETE FROM events WHERE id IN (SELECT id FROM events WHERE received_at < ? LIMIT 5000)""")) {
            while (true) {
                del.setLong(1, cutoff.toEpochMilli());
                int n = del.executeUpdate();
                total += n;
                if (n < 5000) {
                    return total;
                }
            }
        } catch (SQLException e) {
            throw new EventStoreException("cannot delete old events: " + e.getMessage(), e);
        }
    }

    /** Up to {@code limit} events with an id above {@code afterId}, oldest first. */
    @Override
    public List<StoredEvent> after(long afterId, int limit) {
        return read(c -> {
            try (PreparedStatement q = c.prepareStatement("""
                    SELECT id, source, type, received_at, raw_body, headers FROM events
                    WHERE id > ? ORDER BY id LIMIT ?""")) {
                q.setLong(1, afterId);
                q.setInt(2, limit);
                List<StoredEvent> out = new ArrayList<>();
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.add(StoredEventColumns.read(rs));
                    }
                }
                return out;
            }
        });
    }

    /** The highest id ever given (0 when none), so a resume point above it is recognised as foreign. */
    @Override
    public long lastId() {
        return read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq FROM sqlite_sequence WHERE name = 'events'")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T read(ReadWork<T> work) {
        Connection c;
        try {
            c = readers.poll(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for a database reader", e);
        }
        if (c == null) {
            throw new EventStoreException("no database reader free after 30 s", null);
        }
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new EventStoreException("cannot read events: " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    @Override
    public void close() {
        for (Connection c : allReaders) {
            closeQuietly(c);
        }
        closeQuietly(writer);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing at shutdown: nothing left to save
        }
    }
}
