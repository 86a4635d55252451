package ma.hanout.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.Takings;
import ma.hanout.store.Database;
import ma.hanout.store.SaleStore;
import ma.hanout.store.TakingsStore;

/**
 * {@code hanout bench report}: the owner's takings over a shop's lifetime of sales. Fills a
 * temporary database with {@value #ROWS} sales over three years (the schema's triggers keep the
 * per-hour summary as the sales go in, exactly as at the counter; a tenth of them are demo sales
 * that must not count), then times the takings per operator of today, of the last 30 days, of the
 * last year and of all three years through {@link TakingsStore#byOperator}. The floor, measured in
 * the same run, is the same year computed from the sales rows themselves (what a report costs
 * without the summary); the harness also checks that both give the same figures.
 */
public final class ReportBench implements Harness {
    static final int ROWS = 1_000_000;
    static final int ITERATIONS = 200;
    private static final int CHUNK = 10_000;
    private static final Instant START = Instant.parse("2023-01-01T08:00:00Z");
    private static final SaleAccount SHOP = new SaleAccount(Environment.PRODUCTION, "API-BENCH-0001");
    private static final SaleAccount DEMO = new SaleAccount(Environment.DEMO, "API-DEMO-0001");

    private final int rows;
    private final int iterations;

    public ReportBench() {
        this(ROWS, ITERATIONS);
    }

    /** A smaller run, for the harness's own test. */
    ReportBench(int rows, int iterations) {
        this.rows = rows;
        this.iterations = iterations;
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "report bench: %,d sales over 3 years, %,d timed reports of each period, %d cores%n",
                rows, iterations, Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("hanout-report-bench");
        try (Database db = Database.open(dir.resolve(Database.FILE_NAME))) {
            long t0 = System.nanoTime();
            Instant end = fill(db, new SaleStore(db), new Random(20261202));
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            long summaryRows = db.read(c -> {
                try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM takings_hourly")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            out.printf(Locale.ROOT, "filled in %.1f s (triggers keeping the summary), %,d summary rows, file %.0f MB%n",
                    fillSeconds, summaryRows, Files.size(db.file()) / 1e6);

            TakingsStore takings = new TakingsStore(db);
            Instant today = end.minus(Duration.ofHours(12));
            Instant month = end.minus(Duration.ofDays(30));
            Instant year = end.minus(Duration.ofDays(365));
            Map<Operator, Takings> fromSummary = takings.byOperator(SHOP, year, end);
            Map<Operator, Takings> fromSales = takings.byOperatorFromSales(SHOP, year, end);
            if (!fromSummary.equals(fromSales)) {
                throw new IllegalStateException("the summary and the sales disagree: " + fromSummary + " vs " + fromSales);
            }
            out.println("check: the year's takings from the summary equal those computed from the sales");
            out.println("plan report_year: " + takings.queryPlan(SHOP, year, end));

            List<Timed> kinds = List.of(
                    new Timed("report_day", "today (12 hours)", () -> takings.byOperator(SHOP, today, end).size()),
                    new Timed("report_30_days", "the last 30 days", () -> takings.byOperator(SHOP, month, end).size()),
                    new Timed("report_year", "the last 365 days", () -> takings.byOperator(SHOP, year, end).size()),
                    new Timed("report_all", "all 3 years", () -> takings.byOperator(SHOP, START, end).size()),
                    new Timed("chart_30_days", "per hour, 30 days (the dashboard's chart)",
                            () -> takings.hourly(SHOP, month, end).size()));
            time(kinds, Math.max(5, iterations / 10)); // JIT and page cache
            long[][] nanos = time(kinds, iterations);
            int floorRuns = Math.max(3, iterations / 40);
            long[] floor = new long[floorRuns];
            for (int i = 0; i < floorRuns; i++) {
                long s = System.nanoTime();
                takings.byOperatorFromSales(SHOP, year, end);
                floor[i] = System.nanoTime() - s;
            }
            Arrays.sort(floor);

            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("rows", rows);
            figures.put("summary_rows", summaryRows);
            figures.put("fill_s", round1(fillSeconds));
            for (int k = 0; k < kinds.size(); k++) {
                double p50 = ms(nanos[k], 50);
                double p99 = ms(nanos[k], 99);
                out.printf(Locale.ROOT, "%-16s p50 %8.3f ms  p99 %8.3f ms  (%s)%n", kinds.get(k).key, p50, p99,
                        kinds.get(k).label);
                figures.put(kinds.get(k).key + "_p50_ms", p50);
                figures.put(kinds.get(k).key + "_p99_ms", p99);
            }
            double floorP50 = ms(floor, 50);
            out.printf(Locale.ROOT, "%-16s p50 %8.3f ms  (floor: the last 365 days scanned from the sales, %d runs)%n",
                    "scan_year", floorP50, floorRuns);
            figures.put("scan_year_p50_ms", floorP50);
            double yearP50 = Math.max(1e-3, ms(nanos[2], 50));
            figures.put("scan_year_x_report_year", round1(floorP50 / yearP50));
            out.printf(Locale.ROOT, "target: report_all_p99_ms < 200 (takings over %,d sales)%n", rows);
            return figures;
        } finally {
            deleteTree(dir);
        }
    }

    private record Timed(String key, String label, IntSupplier run) {
    }

    private static long[][] time(List<Timed> kinds, int n) {
        long[][] nanos = new long[kinds.size()][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < kinds.size(); k++) {
                long t0 = System.nanoTime();
                kinds.get(k).run.getAsInt();
                nanos[k][i] = System.nanoTime() - t0;
            }
        }
        for (long[] a : nanos) {
            Arrays.sort(a);
        }
        return nanos;
    }

    /** Inserts the sales in time order, in one transaction; returns the instant just after the last. */
    private Instant fill(Database db, SaleStore sales, Random random) {
        long span = 3L * 365 * 24 * 3600 * 1000;
        long step = Math.max(1, span / rows);
        long[] last = {START.toEpochMilli()};
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size = -262144");
            }
            List<Sale> chunk = new ArrayList<>(CHUNK);
            long at = START.toEpochMilli();
            for (int i = 0; i < rows; i++) {
                at += random.nextInt((int) Math.min(Integer.MAX_VALUE, 2 * step));
                chunk.add(sale(i, Instant.ofEpochMilli(at), random));
                if (chunk.size() == CHUNK) {
                    sales.insertAll(c, chunk);
                    chunk.clear();
                }
            }
            sales.insertAll(c, chunk);
            last[0] = at;
            return null;
        });
        return Instant.ofEpochMilli(last[0] + 1);
    }

    private static Sale sale(int i, Instant at, Random random) {
        Operator op = Operator.values()[random.nextInt(3)];
        Money value = Money.ofMad(new int[] {5, 10, 10, 20, 20, 30, 50, 100}[random.nextInt(8)]);
        int roll = random.nextInt(100);
        SaleState state = roll < 3 ? SaleState.REJECTED : roll < 4 ? SaleState.CANCELLED : SaleState.ACCEPTED;
        RechargeStatus status = state != SaleState.ACCEPTED ? null
                : RechargeStatus.of(roll < 90 ? 3 : roll < 95 ? 4 : roll < 97 ? 11 : 2);
        boolean accepted = state == SaleState.ACCEPTED;
        return new Sale(String.format("HN-BENCH-%08d", i), new Phone("06" + String.format("%08d", random.nextInt(100_000_000))),
                op, value, Promo.PLAIN, state, status, accepted ? String.format("1899%011d", i) : null,
                accepted ? Money.ofCentimes(value.centimes() * 935 / 1000) : null,
                state == SaleState.REJECTED ? "INSUFFICIENT_FUNDS" : null, null, Sale.Origin.COUNTER, 1, null, at,
                at.plusSeconds(3), null, random.nextInt(10) == 0 ? DEMO : SHOP);
    }

    private static double ms(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, index)] / 1e3) / 1e3;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
