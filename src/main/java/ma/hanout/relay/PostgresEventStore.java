package ma.hanout.relay;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The events of a chain's relays in one PostgreSQL database, shared by several relay processes.
 *
 * <p>Every append takes one transaction-level advisory lock before it draws ids from the sequence,
 * so appends from all processes commit one after the other and ids are committed in increasing
 * order: a reader that has seen id N has seen, or will never see, every id below N. That is what
 * lets each relay follow the table by id ({@link StoreTail}) and a subscriber resume by
 * {@code Last-Event-ID} on any instance. The same lock makes the dedup check (look up the key,
 * then insert) exact across processes. A commit sends {@code NOTIFY hanout_relay_events}; each
 * relay listens on its own connection, reconnects when it is lost, and its tail catches up by id
 * whatever notifications were missed. Commits are synchronous (the server's default), so an
 * acknowledged event is on the server's disk.
 */
final class PostgresEventStore implements EventStore {
    static final String CHANNEL = "hanout_relay_events";
    /** Key of the advisory lock that orders appends (any constant, the same in every relay). */
    private static final long APPEND_LOCK = 0x68616e6f7574L;
    private static final int READERS = 4;
    private static final int LATEST = 1;

    private final String jdbcUrl;
    private final Properties props;
    private final String shownAs;
    private Connection writer;
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> allReaders = new ArrayList<>();
    private final List<Runnable> onCommitElsewhere = new CopyOnWriteArrayList<>();
    private final AtomicLong notificationsReceived = new AtomicLong();
    private final AtomicLong listenerReconnects = new AtomicLong();
    private final Thread listener;
    private volatile boolean open = true;
    private volatile Connection listening;

    private PostgresEventStore(String jdbcUrl, Properties props, String shownAs) throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.props = props;
        this.shownAs = shownAs;
        this.writer = connect();
        try {
            migrate();
            for (int i = 0; i < READERS; i++) {
                Connection r = connect();
                allReaders.add(r);
                readers.add(r);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
        this.listener = new Thread(this::listen, "relay-pg-listen");
        this.listener.setDaemon(true);
        this.listener.start();
    }

    static boolean handles(String database) {
        return database.startsWith("postgresql://") || database.startsWith("postgres://");
    }

    /** Opens {@code postgresql://USER:PW@HOST:PORT/DB}; the password is never part of a message. */
    static PostgresEventStore open(String database) {
        URI uri;
        try {
            uri = URI.create(database);
        } catch (IllegalArgumentException e) {
            throw new EventStoreException("the database URL is not postgresql://USER:PW@HOST:PORT/DB", null);
        }
        String host = uri.getHost();
        String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (host == null || db.isEmpty()) {
            throw new EventStoreException("the database URL is not postgresql://USER:PW@HOST:PORT/DB", null);
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        Properties props = new Properties();
        String userInfo = uri.getRawUserInfo();
        String user = null;
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            props.setProperty("user", user);
            if (colon >= 0) {
                props.setProperty("password", decode(userInfo.substring(colon + 1)));
            }
        }
        props.setProperty("ApplicationName", "hanout-relay");
        props.setProperty("connectTimeout", "10");
        props.setProperty("tcpKeepAlive", "true");
        String hostPort = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String jdbc = "jdbc:postgresql://" + hostPort + "/" + db;
        String shown = "postgresql://" + (user == null ? "" : user + "@") + hostPort + "/" + db;
        try {
            return new PostgresEventStore(jdbc, props, shown);
        } catch (SQLException e) {
            throw new EventStoreException("cannot open the relay database " + shown + ": " + e.getMessage(), e);
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, props);
    }

    private void migrate() throws SQLException {
        writer.setAutoCommit(false);
        try (Statement s = writer.createStatement()) {
            // several relays may start at once on a new database: one migrates, the others wait
            s.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
            s.execute("CREATE TABLE IF NOT EXISTS hanout_relay_schema (version integer NOT NULL)");
            int version = 0;
            try (ResultSet rs = s.executeQuery("SELECT max(version) FROM hanout_relay_schema")) {
                if (rs.next()) {
                    version = rs.getInt(1);
                }
            }
            if (version > LATEST) {
                throw new SQLException("the database is at relay schema " + version + ", newer than this relay ("
                        + LATEST + "); upgrade the relay");
            }
            if (version < 1) {
                s.execute("""
                        CREATE TABLE events (
                          id          bigint  PRIMARY KEY,
                          source      text    NOT NULL,
                          type        text    NOT NULL,
                          dedup_key   text    NOT NULL UNIQUE,
                          received_at bigint  NOT NULL,
                          raw_body    bytea   NOT NULL,
                          headers     text    NOT NULL
                        )""");
                s.execute("CREATE SEQUENCE events_id_seq AS bigint OWNED BY events.id");
                s.execute("CREATE INDEX events_received_at ON events(received_at)");
                s.execute("INSERT INTO hanout_relay_schema(version) VALUES (1)");
            }
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public List<Appended> append(List<NewEvent> batch) {
        List<Appended> out = new ArrayList<>(batch.size());
        try {
            try (Statement lock = writer.createStatement();
                    PreparedStatement existing = writer.prepareStatement("SELECT id FROM events WHERE dedup_key = ?");
                    PreparedStatement insert = writer.prepareStatement("""
                            INSERT INTO events(id, source, type, dedup_key, received_at, raw_body, headers)
                            VALUES (nextval('events_id_seq'), ?, ?, ?, ?, ?, ?)
                            RETURNING id""")) {
                lock.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
                boolean fresh = false;
                for (NewEvent e : batch) {
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
                        fresh = true;
                    }
                }
                if (fresh) {
                    lock.execute("NOTIFY " + CHANNEL);
                }
                writer.commit();
                return out;
            } catch (SQLException | JsonProcessingException | RuntimeException e) {
                rollback();
                throw e;
            }
        } catch (SQLException | JsonProcessingException e) {
            reconnectWriterIfBroken();
            throw new EventStoreException("cannot store events: " + e.getMessage(), e);
        }
    }

    /** After a failure: a writer whose server went away is replaced, so the next batch can commit. */
    private void reconnectWriterIfBroken() {
        try {
            if (writer.isValid(2)) {
                return;
            }
        } catch (SQLException ignored) {
            // broken
        }
        try {
            Connection fresh = connect();
            fresh.setAutoCommit(false);
            closeQuietly(writer);
            writer = fresh;
        } catch (SQLException e) {
            // still down: the next failure tries again
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the connection is gone; the original failure is what matters
        }
    }

    @Override
    public int deleteReceivedBefore(Instant cutoff) {
        try (PreparedStatement del = writer.prepareStatement("""
                DELETE FROM events WHERE id IN (SELECT id FROM events WHERE received_at < ? LIMIT 5000)""")) {
            int total = 0;
            while (true) {
                del.setLong(1, cutoff.toEpochMilli());
                int n = del.executeUpdate();
                writer.commit();
                total += n;
                if (n < 5000) {
                    return total;
                }
            }
        } catch (SQLException e) {
            rollback();
            reconnectWriterIfBroken();
            throw new EventStoreException("cannot delete old events: " + e.getMessage(), e);
        }
    }

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

    @Override
    public long lastId() {
        return read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM events_id_seq")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** The highest committed id, read while no append holds the lock: nothing below it can still appear. */
    @Override
    public long feedStart() {
        return read(c -> {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("SELECT pg_advisory_xact_lock(" + APPEND_LOCK + ")");
                try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM events")) {
                    rs.next();
                    return rs.getLong(1);
                }
            } finally {
                c.commit();
                c.setAutoCommit(true);
            }
        });
    }

    @Override
    public void onCommitElsewhere(Runnable r) {
        onCommitElsewhere.add(r);
    }

    @Override
    public void gauges(RelayMetrics metrics) {
        metrics.storeGauge("notify_queue_usage_ppm", () -> read(c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_notification_queue_usage()")) {
                return rs.next() ? Math.round(rs.getDouble(1) * 1_000_000) : 0L;
            }
        }));
        metrics.storeGauge("notifications_received", notificationsReceived::get);
        metrics.storeGauge("listen_reconnects", listenerReconnects::get);
    }

    /** Waits for NOTIFY on its own connection; a lost connection is reopened, and the tail catches up by id. */
    private void listen() {
        long backoff = 100;
        while (open) {
            try (Connection c = connect()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CHANNEL);
                }
                // whatever was committed while we were not listening
                wakeAll();
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (open) {
                    PGNotification[] got = pg.getNotifications(1_000);
                    if (got != null && got.length > 0) {
                        notificationsReceived.addAndGet(got.length);
                        wakeAll();
                    }
                }
            } catch (SQLException e) {
                if (!open) {
                    return;
                }
                listenerReconnects.incrementAndGet();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    return;
                }
                backoff = Math.min(5_000, backoff * 2);
            } finally {
                listening = null;
            }
        }
    }

    private void wakeAll() {
        for (Runnable r : onCommitElsewhere) {
            r.run();
        }
    }

    private interface ReadWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} on a pooled reader; a reader whose connection broke is replaced. */
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
            c = replaceIfBroken(c);
            throw new EventStoreException("cannot read events from " + shownAs + ": " + e.getMessage(), e);
        } finally {
            readers.add(c);
        }
    }

    private Connection replaceIfBroken(Connection c) {
        try {
            if (c.isValid(2)) {
                return c;
            }
        } catch (SQLException ignored) {
            // broken: replace below
        }
        try {
            Connection fresh = connect();
            synchronized (allReaders) {
                allReaders.remove(c);
                allReaders.add(fresh);
            }
            closeQuietly(c);
            return fresh;
        } catch (SQLException e) {
            return c;
        }
    }

    @Override
    public void close() {
        open = false;
        Connection l = listening;
        if (l != null) {
            closeQuietly(l);
        }
        if (listener != null) {
            listener.interrupt();
        }
        synchronized (allReaders) {
            for (Connection c : allReaders) {
                closeQuietly(c);
            }
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
