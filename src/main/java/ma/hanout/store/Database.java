package ma.hanout.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileLock;
import java.nio.channels.FileChannel;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * Hanout's SQLite file: one writer connection and a few reader connections.
 *
 * <p>Why this shape: SQLite allows one writer at a time anyway, so writes go through one
 * connection behind a lock ({@link #write}) and start with {@code BEGIN IMMEDIATE}: the write lock
 * is taken up front, never upgraded half-way (which is where SQLite returns "busy" without
 * waiting). The journal is WAL, so a reader sees the last committed state and never waits for a
 * writer, and a writer never waits for readers. Reads therefore go through their own connections
 * ({@link #read}), a handful at most, kept open so their page caches stay warm for history
 * searches; they are {@code query_only}. The engine's worker, its poller and the UI's background
 * executor can all use one instance at once. Another process may open the same file: writes wait
 * up to the busy timeout for it, then fail with {@link DatabaseBusyException}.
 *
 * <p>{@code synchronous=FULL}: a sale is on disk when {@link #write} returns, even across a power cut.
 */
public final class Database implements AutoCloseable {
    /** The file name inside the data folder. */
    public static final String FILE_NAME = "hanout.db";
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);
    /** Enough for the worker, the poller, the UI executor and one more without any of them waiting. */
    private static final int MAX_READERS = 4;

    private final Path file;
    private final Duration busyTimeout;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final Connection writer;
    private int writeDepth; // guarded by writeLock
    private final Semaphore readerPermits = new Semaphore(MAX_READERS, true);
    private final Deque<Connection> idleReaders = new ArrayDeque<>(); // guarded by itself
    private final ThreadLocal<Connection> currentReader = new ThreadLocal<>();
    private volatile boolean closed; // written under idleReaders' lock

    private Database(Path file, Duration busyTimeout, Connection writer) {
        this.file = file;
        this.busyTimeout = busyTimeout;
        this.writer = writer;
    }

    /** Opens (creating it and its folders if needed) and upgrades the database at {@code file}. */
    public static Database open(Path file) {
        return open(file, DEFAULT_BUSY_TIMEOUT);
    }

    /** As {@link #open(Path)}, waiting at most {@code busyTimeout} for another program's write. */
    public static Database open(Path file, Duration busyTimeout) {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new StoreException("Cannot open the database " + absolute + ": it is a folder, not a file");
        }
        Path parent = absolute.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the data folder " + parent + ": " + e.getMessage(), e);
        }
        // Two programs (or threads) opening a new file at once race to switch it to WAL and to create
        // the schema; SQLite answers the loser SQLITE_BUSY or SQLITE_PROTOCOL at once, without its busy
        // handler. Opening is rare and quick: it is done one at a time, under a lock file beside the
        // database (other processes) and a lock in this one (FileLock is per process).
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".open-lock");
        synchronized (OPENING) {
            try (FileChannel channel = openLockFile(lockFile);
                    FileLock lock = channel.lock()) {
                return connectAndUpgrade(absolute, busyTimeout);
            } catch (IOException e) {
                throw new StoreException("Cannot lock " + lockFile + " to open the database: " + e.getMessage(), e);
            }
        }
    }

    private static final Object OPENING = new Object();

    /** The lock file beside the database, readable by its user alone like the database. */
    private static FileChannel openLockFile(Path lockFile) throws IOException {
        if (Files.getFileAttributeView(lockFile.getParent(), java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static Database connectAndUpgrade(Path absolute, Duration busyTimeout) {
        Connection writer = null;
        try {
            writer = connect(absolute, busyTimeout, false);
            Database db = new Database(absolute, busyTimeout, writer);
            db.upgrade();
            return db;
        } catch (SQLException e) {
            closeQuietly(writer);
            throw translate(e, absolute, busyTimeout);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
    }

    /** Opens {@code home/hanout.db}. */
    public static Database openInHome(Path home) {
        return open(home.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** The schema version of the file ({@code PRAGMA user_version}). */
    public int schemaVersion() {
        return read(Database::userVersion);
    }

    /**
     * Runs {@code work} in one transaction on the writer connection and commits it; rolls back
     * and rethrows if it throws. Called again from inside {@code work} on the same thread, it
     * joins the transaction through a savepoint, so store methods compose: "update the sale and
     * append its event" is one commit.
     */
    public <T> T write(SqlFunction<Connection, T> work) {
        ensureOpen();
        writeLock.lock();
        try {
            ensureOpen();
            return writeDepth == 0 ? inTransaction(work) : inSavepoint(work);
        } finally {
            writeLock.unlock();
        }
    }

    private <T> T inTransaction(SqlFunction<Connection, T> work) {
        try {
            exec(writer, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            throw translate(e);
        }
        writeDepth++;
        try {
            T result = work.apply(writer);
            exec(writer, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollbackQuietly(writer);
            throw translate(e);
        } catch (RuntimeException | Error e) {
            rollbackQuietly(writer);
            throw e;
        } finally {
            writeDepth--;
        }
    }

    private <T> T inSavepoint(SqlFunction<Connection, T> work) {
        writeDepth++;
        try {
            exec(writer, "SAVEPOINT nested");
            try {
                T result = work.apply(writer);
                exec(writer, "RELEASE nested");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                exec(writer, "ROLLBACK TO nested");
                exec(writer, "RELEASE nested");
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            writeDepth--;
        }
    }

    /**
     * Runs {@code work} on a reader connection, in one read transaction (one consistent snapshot
     * of the last commit). Inside {@link #write} on the same thread it runs on the writer instead,
     * so it sees what that transaction wrote.
     */
    public <T> T read(SqlFunction<Connection, T> work) {
        ensureOpen();
        try {
            if (writeLock.isHeldByCurrentThread()) {
                return work.apply(writer);
            }
            Connection mine = currentReader.get();
            if (mine != null) {
                return work.apply(mine);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
        try {
            readerPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted while waiting to read the database " + file, e);
        }
        Connection reader = null;
        try {
            reader = borrowReader();
            currentReader.set(reader);
            exec(reader, "BEGIN");
            try {
                T result = work.apply(reader);
                exec(reader, "COMMIT");
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(reader);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            currentReader.remove();
            giveBack(reader);
            readerPermits.release();
        }
    }

    private Connection borrowReader() throws SQLException {
        synchronized (idleReaders) {
            ensureOpen();
            Connection c = idleReaders.pollFirst();
            if (c != null) {
                return c;
            }
        }
        return connect(file, busyTimeout, true);
    }

    private void giveBack(Connection reader) {
        if (reader == null) {
            return;
        }
        synchronized (idleReaders) {
            if (!closed) {
                idleReaders.push(reader);
                return;
            }
        }
        closeQuietly(reader);
    }

    /** Closes every connection; waits for a write in progress. Later calls throw {@link StoreException}. */
    @Override
    public void close() {
        List<Connection> toClose = new ArrayList<>();
        writeLock.lock();
        try {
            synchronized (idleReaders) {
                if (closed) {
                    return;
                }
                closed = true;
                toClose.addAll(idleReaders);
                idleReaders.clear();
            }
            toClose.add(writer);
        } finally {
            writeLock.unlock();
        }
        toClose.forEach(Database::closeQuietly);
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The database " + file + " is closed");
        }
    }

    private void upgrade() throws SQLException {
        int version = userVersion(writer);
        if (version > Schema.LATEST) {
            throw new StoreException("The database " + file + " was written by a newer Hanout (schema " + version
                    + ", this version knows up to " + Schema.LATEST + "): update Hanout to open it");
        }
        if (version == Schema.LATEST) {
            return;
        }
        write(c -> {
            int current = userVersion(c); // another program may have upgraded it meanwhile
            Schema.upgrade(c, current);
            exec(c, "PRAGMA user_version = " + Schema.LATEST);
            return null;
        });
    }

    private static int userVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Connection connect(Path file, Duration busyTimeout, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        // set at open, before the first statement: even the journal_mode switch may wait for another program
        config.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, busyTimeout.toMillis()));
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try {
            if (!readOnly) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    String mode = rs.next() ? rs.getString(1) : "?";
                    if (!"wal".equalsIgnoreCase(mode)) {
                        throw new StoreException("The database " + file + " cannot use write-ahead logging (journal mode "
                                + mode + "): keep the data folder on a local disk");
                    }
                }
            }
            exec(c, "PRAGMA foreign_keys = ON");
            exec(c, "PRAGMA synchronous = FULL");
            if (readOnly) {
                exec(c, "PRAGMA query_only = ON");
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            exec(c, "ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (e.g. after SQLITE_FULL); nothing more to undo
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to save
        }
    }

    /** The one place a {@link SQLException} becomes a {@link StoreException}. */
    StoreException translate(SQLException e) {
        return translate(e, file, busyTimeout);
    }

    private static StoreException translate(SQLException e, Path file, Duration busyTimeout) {
        SQLiteErrorCode code = e instanceof SQLiteException ? ((SQLiteException) e).getResultCode() : null;
        int primary = code == null ? e.getErrorCode() & 0xff : code.code & 0xff;
        switch (primary) {
            case 5: // SQLITE_BUSY
            case 6: // SQLITE_LOCKED
                return new DatabaseBusyException("The database " + file + " is busy: another program (or another Hanout"
                        + " window) has been writing to it for more than " + busyTimeout.toMillis() + " ms; try again",
                        e);
            case 8: // SQLITE_READONLY
                return new StoreException("The database " + file + " cannot be written (read-only file or folder)", e);
            case 10: // SQLITE_IOERR
            case 13: // SQLITE_FULL
                return new StoreException("The disk holding " + file + " failed or is full: " + e.getMessage(), e);
            case 11: // SQLITE_CORRUPT
            case 26: // SQLITE_NOTADB
                return new DamagedDatabaseException(file + " is not a Hanout database, or it is damaged", e);
            case 14: // SQLITE_CANTOPEN
                return new StoreException("Cannot open the database " + file + " (missing folder or no permission)", e);
            default:
                return new StoreException("Database error on " + file + ": " + e.getMessage(), e);
        }
    }
}
