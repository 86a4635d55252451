package ma.hanout.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ma.hanout.domain.Environment;
import ma.hanout.domain.SaleAccount;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final List<Database> opened = new ArrayList<>();

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
        opened.forEach(Database::close);
    }

    private Database open(Path file) {
        Database db = Database.open(file);
        opened.add(db);
        return db;
    }

    private Database open(Path file, Duration busyTimeout) {
        Database db = Database.open(file, busyTimeout);
        opened.add(db);
        return db;
    }

    @Test
    void openCreatesTheFileAndItsFoldersAtTheLatestSchema() {
        Path file = dir.resolve("a/b/c/hanout.db");
        Database db = open(file);
        assertThat(file).exists();
        assertThat(db.file()).isEqualTo(file.toAbsolutePath());
        assertThat(db.schemaVersion()).isEqualTo(Schema.LATEST).isPositive();
        assertThat(tables(db)).contains("sales", "sale_events", "prices", "balance_snapshots", "settings", "users",
                "audit_log");
    }

    @Test
    void openInHomeUsesHanoutDbInTheDataFolder() {
        Database db = open(dir.resolve("home").resolve(Database.FILE_NAME));
        db.close();
        Database again = Database.openInHome(dir.resolve("home"));
        opened.add(again);
        assertThat(again.file()).isEqualTo(dir.resolve("home/hanout.db").toAbsolutePath());
    }


    @Test
    void everyConnectionHasThePragmasTheStoreRelieson() {
        Database db = open(dir.resolve("h.db"));
        for (boolean viaWrite : new boolean[] {true, false}) {
            SqlFunction<Connection, List<String>> pragmas = c -> List.of(pragma(c, "journal_mode"),
                    pragma(c, "foreign_keys"), pragma(c, "synchronous"), pragma(c, "busy_timeout"));
            List<String> values = viaWrite ? db.write(pragmas) : db.read(pragmas);
            // synchronous 2 = FULL
            assertThat(values).as(viaWrite ? "writer" : "reader").containsExactly("wal", "1", "2", "5000");
        }
    }

    @Test
    void migratesAnEmptyFileAndAnEmptyDatabase() throws Exception {
        Path empty = dir.resolve("empty.db");
        Files.createFile(empty);
        assertThat(open(empty).schemaVersion()).isEqualTo(Schema.LATEST);

        Path bare = dir.resolve("bare.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + bare); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE unrelated (x INTEGER)");
        }
        Database db = open(bare);
        assertThat(db.schemaVersion()).isEqualTo(Schema.LATEST);
        assertThat(tables(db)).contains("sales", "unrelated");
    }

    @Test
    void salesRecordedBeforeAccountsWereKeptGetTheAccountTheFolderRanOn() throws Exception {
        // a demo folder (no saved base URL) and a production folder (saved URL and client code)
        Path demo = legacyFile("demo.db", Map.of(), "HN-D1", "1899001");
        Path production = legacyFile("prod.db", Map.of("api.base_url", "https://api.example/rest/V1/recharge-api",
                "api.client_code", "API-SHOP-0042"), "HN-P1", "1899002");
        Path sandboxRef = legacyFile("sbx.db", Map.of("api.base_url", "https://api.example/rest/V1/recharge-api"),
                "HN-S1", "SBX-77");

        assertThat(new SaleStore(open(demo)).find("HN-D1").orElseThrow().account())
                .isEqualTo(new SaleAccount(Environment.DEMO, "API-DEMO-0001"));
        assertThat(new SaleStore(open(production)).find("HN-P1").orElseThrow().account())
                .isEqualTo(new SaleAccount(Environment.PRODUCTION, "API-SHOP-0042"));
        assertThat(new SaleStore(open(sandboxRef)).find("HN-S1").orElseThrow().account())
                .as("an SBX- reference is a sandbox sale; no saved client code: any sandbox account's")
                .isEqualTo(new SaleAccount(Environment.SANDBOX, null));
    }

    /** A file at schema 2 (before accounts) holding one accepted sale and the given settings. */
    private Path legacyFile(String name, Map<String, String> settings, String ref, String refInterne) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            Schema.upgrade(c, 0, 2);
            st.execute("PRAGMA user_version = 2");
            for (Map.Entry<String, String> e : settings.entrySet()) {
                st.execute("INSERT INTO settings (key, value) VALUES ('" + e.getKey() + "', '" + e.getValue() + "')");
            }
            st.execute("""
                    INSERT INTO sales (external_reference, phone, operator, value_centimes, promo, state, status_code,
                                       ref_interne, origin, created_at, updated_at)
                    VALUES ('%s', '0612345678', 'Inwi', 1000, 0, 'ACCEPTED', 3, '%s', 'COUNTER', 1, 1)
                    """.formatted(ref, refInterne));
        }
        return file;
    }

    @Test
    void reopeningAnUpToDateFileKeepsItsData() {
        Path file = dir.resolve("h.db");
        Database db = open(file);
        db.write(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'v')"));
        db.close();
        Database again = open(file);
        assertThat(again.schemaVersion()).isEqualTo(Schema.LATEST);
        assertThat(value(again, "SELECT value FROM settings WHERE key = 'k'")).isEqualTo("v");
    }

    @Test
    void refusesAFileFromANewerHanout() throws Exception {
        Path file = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("newer Hanout").hasMessageContaining("99");
    }

    @Test
    void refusesAFileThatIsNotADatabase() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "this is a shopping list, not a database ".repeat(100));
        assertThatThrownBy(() -> open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining("not a Hanout database");
    }

    @Test
    void refusesAFolder() {
        assertThatThrownBy(() -> open(dir)).isInstanceOf(StoreException.class).hasMessageContaining("is a folder");
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        Database db = open(dir.resolve("h.db"));
        assertThatThrownBy(() -> db.write(c -> {
            exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'v')");
            throw new IllegalStateException("boom");
        })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(count(db, "settings")).isZero();
    }

    @Test
    void anSqlErrorBecomesAStoreExceptionAndRollsBack() {
        Database db = open(dir.resolve("h.db"));
        assertThatThrownBy(() -> db.write(c -> {
            exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'v')");
            return exec(c, "INSERT INTO no_such_table VALUES (1)");
        })).isInstanceOf(StoreException.class).hasMessageContaining("no_such_table")
                .hasMessageContaining(db.file().toString());
        assertThatThrownBy(() -> db.read(c -> query(c, "SELECT nope FROM settings")))
                .isInstanceOf(StoreException.class).hasMessageContaining("nope");
        assertThat(count(db, "settings")).isZero();
    }

    @Test
    void aNestedWriteJoinsTheOuterTransaction() {
        Database db = open(dir.resolve("h.db"));
        db.write(c -> {
            exec(c, "INSERT INTO settings (key, value) VALUES ('outer', '1')");
            db.write(inner -> exec(inner, "INSERT INTO settings (key, value) VALUES ('inner', '1')"));
            // a failed nested write undoes only itself
            assertThatThrownBy(() -> db.write(inner -> {
                exec(inner, "INSERT INTO settings (key, value) VALUES ('undone', '1')");
                throw new IllegalStateException("inner fails");
            })).hasMessage("inner fails");
            return null;
        });
        assertThat(value(db, "SELECT group_concat(key, ',') FROM (SELECT key FROM settings ORDER BY key)"))
                .isEqualTo("inner,outer");
    }

    @Test
    void aFailingOuterWriteUndoesItsNestedWrites() {
        Database db = open(dir.resolve("h.db"));
        assertThatThrownBy(() -> db.write(c -> {
            db.write(inner -> exec(inner, "INSERT INTO settings (key, value) VALUES ('inner', '1')"));
            throw new IllegalStateException("outer fails");
        })).hasMessage("outer fails");
        assertThat(count(db, "settings")).isZero();
    }

    @Test
    void aReadInsideAWriteSeesWhatItWrote() {
        Database db = open(dir.resolve("h.db"));
        String seen = db.write(c -> {
            exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'uncommitted')");
            return db.read(r -> query(r, "SELECT value FROM settings WHERE key = 'k'"));
        });
        assertThat(seen).isEqualTo("uncommitted");
    }

    @Test
    void readsCannotWrite() {
        Database db = open(dir.resolve("h.db"));
        assertThatThrownBy(() -> db.read(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'v')")))
                .isInstanceOf(StoreException.class);
        assertThat(count(db, "settings")).isZero();
    }

    @Test
    void aClosedDatabaseSaysSo() {
        Database db = open(dir.resolve("h.db"));
        db.close();
        db.close(); // twice is fine
        assertThatThrownBy(() -> db.read(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> db.write(c -> 1)).isInstanceOf(StoreException.class).hasMessageContaining("is closed");
        assertThatThrownBy(() -> new SaleStore(db).find("HN-X")).isInstanceOf(StoreException.class)
                .hasMessageContaining("is closed");
    }

    @Test
    void aLongReadDoesNotBlockAWrite() throws Exception {
        Database db = open(dir.resolve("h.db"));
        db.write(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'before')"));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        Future<String[]> reader = pool.submit(() -> db.read(c -> {
            String first = query(c, "SELECT value FROM settings WHERE key = 'k'");
            reading.countDown();
            await(written);
            // same read transaction: still the snapshot it started with
            return new String[] {first, query(c, "SELECT value FROM settings WHERE key = 'k'")};
        }));
        await(reading);
        Future<?> writer = pool.submit(() -> db.write(c -> exec(c, "UPDATE settings SET value = 'after' WHERE key = 'k'")));
        writer.get(20, TimeUnit.SECONDS); // would time out if the write waited for the read
        written.countDown();
        assertThat(reader.get(20, TimeUnit.SECONDS)).containsExactly("before", "before");
        assertThat(value(db, "SELECT value FROM settings WHERE key = 'k'")).isEqualTo("after");
    }

    @Test
    void aLongWriteDoesNotBlockReads() throws Exception {
        Database db = open(dir.resolve("h.db"));
        db.write(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('k', 'committed')"));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        Future<?> writer = pool.submit(() -> db.write(c -> {
            exec(c, "UPDATE settings SET value = 'in progress' WHERE key = 'k'");
            writing.countDown();
            await(readDone);
            return null;
        }));
        await(writing);
        Future<String> read = pool.submit(() -> db.read(c -> query(c, "SELECT value FROM settings WHERE key = 'k'")));
        assertThat(read.get(20, TimeUnit.SECONDS)).isEqualTo("committed");
        readDone.countDown();
        writer.get(20, TimeUnit.SECONDS);
    }

    @Test
    void anotherProgramsLongWriteGivesAClearBusyError() throws Exception {
        Path file = dir.resolve("h.db");
        Database first = open(file);
        Database second = open(file, Duration.ofMillis(200));
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> first.write(c -> {
            exec(c, "INSERT INTO settings (key, value) VALUES ('first', '1')");
            writing.countDown();
            await(release);
            return null;
        }));
        await(writing);
        assertThatThrownBy(() -> second.write(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('second', '1')")))
                .isInstanceOf(DatabaseBusyException.class).hasMessageContaining("is busy")
                .hasMessageContaining("another program").hasMessageContaining(file.getFileName().toString());
        // reading is fine meanwhile
        assertThat(count(second, "settings")).isZero();
        release.countDown();
        holder.get(20, TimeUnit.SECONDS);
        second.write(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('second', '1')"));
        assertThat(count(first, "settings")).isEqualTo(2);
    }

    @Test
    void manyThreadsWritingAndReadingAtOnceLoseNothing() throws Exception {
        Database db = open(dir.resolve("h.db"));
        int threads = 6;
        int each = 40;
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String key = id + "-" + i;
                    db.write(c -> exec(c, "INSERT INTO settings (key, value) VALUES ('" + key + "', 'v')"));
                    assertThat(value(db, "SELECT value FROM settings WHERE key = '" + key + "'"))
                            .isEqualTo("v");
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(count(db, "settings")).isEqualTo(threads * each);
    }

    @Test
    void twoProgramsOpeningANewFileAtOnceBothGetTheSchema() throws Exception {
        Path file = dir.resolve("race.db");
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Database>> both = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            both.add(pool.submit(() -> {
                await(go);
                return Database.open(file);
            }));
        }
        go.countDown();
        for (Future<Database> f : both) {
            Database db = f.get(10, TimeUnit.SECONDS);
            opened.add(db);
            assertThat(db.schemaVersion()).isEqualTo(Schema.LATEST);
        }
    }

    // ---------------------------------------------------------------- helpers

    static Object exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
        return null;
    }

    static String query(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static String pragma(Connection c, String name) throws SQLException {
        return query(c, "PRAGMA " + name);
    }

    static String value(Database db, String sql) {
        return db.read(c -> query(c, sql));
    }

    static long count(Database db, String table) {
        return Long.parseLong(db.read(c -> query(c, "SELECT count(*) FROM " + table)));
    }

    private static List<String> tables(Database db) {
        return db.read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'table'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
