package ma.hanout.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import ma.hanout.api.ApiConfig;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.EngineConfig;
import ma.hanout.domain.Environment;
import ma.hanout.domain.SaleAccount;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.Database;

/**
 * {@code hanout bench engine}: (1) the time from "sell" to the sale committed on disk, against a
 * bare SQLite insert+commit with the same durability settings (WAL, synchronous=FULL) measured in
 * the same run; (2) how fast the engine drains a queue into the simulator with no faults.
 */
public final class EngineBench implements Harness {
    private static final int WARMUP = 300;
    private static final int COMMITS = 2000;
    private static final int DRAIN = 3000;
    private static final int ROUNDS = 10;

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("hanout-bench-engine");
        Map<String, Number> figures = new LinkedHashMap<>();
        try (Simulator sim = Simulator.start(SimConfig.builder().port(0).timeScale(0.001)
                .balance(Money.ofMad(10_000_000)).build())) {
            try (Database db = Database.open(dir.resolve("hanout.db"));
                    Connection bare = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("floor.db"))) {
                MoroccoTopupClient client = new MoroccoTopupClient(new ApiConfig(sim.baseUrl(),
                        SimConfig.DEFAULT_CLIENT_CODE, SimConfig.DEFAULT_API_KEY, false, Duration.ofSeconds(5),
                        Duration.ofSeconds(15)));
                SaleEngine e = SaleEngine.create(db, client, EngineConfig.defaults(Clock.systemUTC())
                        .withHistorySyncEvery(Duration.ofHours(1)), new SaleAccount(Environment.DEMO, SimConfig.DEFAULT_CLIENT_CODE));
                prepareFloor(bare);
                // alternate rounds so both face the same load from whatever else runs on the machine
                double[] engine = new double[COMMITS];
                double[] floor = new double[COMMITS];
                int seq = 0;
                int floorSeq = 0;
                for (int i = 0; i < WARMUP; i++) {
                    e.sell(request(seq++));
                    floorCommit(bare, floorSeq++);
                }
                for (int round = 0; round < ROUNDS; round++) {
                    int per = COMMITS / ROUNDS;
                    for (int i = 0; i < per; i++) {
                        floor[round * per + i] = floorCommit(bare, floorSeq++);
                    }
                    for (int i = 0; i < per; i++) {
                        long t0 = System.nanoTime();
                        e.sell(request(seq++));
                        engine[round * per + i] = (System.nanoTime() - t0) / 1e6;
                    }
                }
                while (seq < DRAIN) {
                    e.sell(request(seq++));
                }
                out.printf("sell -> committed on disk (%d sales): p50 %.3f ms, p99 %.3f ms%n", COMMITS,
                        pct(engine, 50), pct(engine, 99));
                out.printf("bare SQLite insert+commit, WAL + synchronous=FULL (%d): p50 %.3f ms, p99 %.3f ms%n",
                        COMMITS, pct(floor, 50), pct(floor, 99));
                figures.put("commit_p50_ms", round(pct(engine, 50)));
                figures.put("commit_p99_ms", round(pct(engine, 99)));
                figures.put("floor_p50_ms", round(pct(floor, 50)));
                figures.put("floor_p99_ms", round(pct(floor, 99)));
                figures.put("ratio_p50", round(pct(engine, 50) / pct(floor, 50)));
                figures.put("ratio_p99", round(pct(engine, 99) / pct(floor, 99)));
                out.printf("ratio to the floor: p50 %.2f, p99 %.2f%n", pct(engine, 50) / pct(floor, 50),
                        pct(engine, 99) / pct(floor, 99));
                // everything sold so far is in the queue: drain it
                int queued = e.reads().queue().size();
                long t0 = System.nanoTime();
                SaleEngine.DrainResult r = e.drain(true, Duration.ofMinutes(5), false);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double perSecond = queued / seconds;
                out.printf("drain %d sales into the simulator (no faults): %.2f s, %.0f sales/s, settled=%s%n", queued,
                        seconds, perSecond, r.settled());
                figures.put("drain_sales", queued);
                figures.put("drain_seconds", round(seconds));
                figures.put("drain_per_s", Math.round(perSecond));
                e.close();
            }
        } finally {
            deleteTree(dir);
        }
        return figures;
    }

    private static SaleRequest request(int i) {
        return SaleRequest.of(Phone.parse(String.format("061%03d%04d", i / 8000 % 1000, 1000 + i % 8000)),
                Operator.values()[i % 3], Money.ofMad(10), Promo.PLAIN, Sale.Origin.CLI);
    }

    /** The floor: one row inserted and committed per operation, same durability pragmas as the store. */
    private static void prepareFloor(Connection c) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("PRAGMA journal_mode=WAL");
            st.execute("PRAGMA synchronous=FULL");
            st.execute("CREATE TABLE t (ref TEXT PRIMARY KEY, phone TEXT, operator TEXT, value INTEGER, state TEXT,"
                    + " created_at INTEGER) STRICT");
        }
        c.setAutoCommit(false);
    }

    private static double floorCommit(Connection c, int i) throws Exception {
        long t0 = System.nanoTime();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, "REF-" + i);
            ps.setString(2, "0612345678");
            ps.setString(3, "Inwi");
            ps.setLong(4, 1000);
            ps.setString(5, "QUEUED");
            ps.setLong(6, System.currentTimeMillis());
            ps.executeUpdate();
        }
        c.commit();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, idx))];
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
