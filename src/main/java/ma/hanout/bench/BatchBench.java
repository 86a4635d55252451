package ma.hanout.bench;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import ma.hanout.app.AppContext;
import ma.hanout.app.BatchFile;
import ma.hanout.app.BatchRun;
import ma.hanout.app.ConnectionSettings;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.store.Database;
import ma.hanout.store.SaleStore;

/**
 * {@code hanout bench batch}: recording a 50,000-line CSV batch as {@code sell --batch --no-wait}
 * does (fingerprint, parse and check every line, commit chunk by chunk, each line's outcome told),
 * then the same file again (every line found, nothing recorded), against a floor measured in the
 * same run: the same number of sales inserted into a bare database in the same chunks.
 */
public final class BatchBench implements Harness {
    static final int LINES = 50_000;

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("hanout-bench-batch");
        Path csv = dir.resolve("batch.csv");
        write(csv, LINES);
        out.printf(Locale.ROOT, "batch bench: %,d lines (%.1f MB), chunks of %d, %d cores, load average %.1f%n", LINES,
                Files.size(csv) / 1e6, BatchRun.CHUNK, Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, Number> figures = new LinkedHashMap<>();
        double floor = floor(dir.resolve("floor"));
        try (AppContext app = AppContext.open(dir.resolve("shop"), ConnectionSettings.Flags.NONE, Map.of(),
                Clock.systemUTC(), 1)) {
            long t0 = System.nanoTime();
            BatchFile file = BatchFile.open(csv);
            BatchRun.Summary first = app.beginBatch(file, false).record(o -> { });
            double record = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            BatchRun.Summary again = app.beginBatch(BatchFile.open(csv), false).record(o -> { });
            double rerun = (System.nanoTime() - t1) / 1e9;
            if (first.recorded() != LINES || again.earlier() != LINES || again.recorded() != 0) {
                throw new IllegalStateException("the batch did not record as expected: " + first + " then " + again);
            }
            out.printf(Locale.ROOT, "recorded %,d lines in %.2f s (%,.0f lines/s); the same file again: %.2f s, %,d"
                    + " found, 0 recorded%n", LINES, record, LINES / record, rerun, again.earlier());
            out.printf(Locale.ROOT, "floor: %,d bare inserts in chunks of %d: %.2f s; ratio %.2f (target: under 20 s"
                    + " for the recording)%n", LINES, BatchRun.CHUNK, floor, record / floor);
            figures.put("record_seconds", round(record));
            figures.put("lines_per_second", Math.round(LINES / record));
            figures.put("rerun_seconds", round(rerun));
            figures.put("floor_seconds", round(floor));
            figures.put("ratio", round(record / floor));
        }
        return figures;
    }

    /** The same sales inserted in the same chunks into a bare database: what the disk costs. */
    private static double floor(Path home) {
        SaleAccount account = new SaleAccount(Environment.DEMO, "API-DEMO-0001");
        try (Database db = Database.openInHome(home)) {
            SaleStore sales = new SaleStore(db);
            Instant now = Instant.now();
            long t0 = System.nanoTime();
            for (int start = 0; start < LINES; start += BatchRun.CHUNK) {
                List<Sale> chunk = new ArrayList<>(BatchRun.CHUNK);
                for (int i = start; i < Math.min(LINES, start + BatchRun.CHUNK); i++) {
                    chunk.add(Sale.newQueued("FLOOR-" + i, Phone.parse(phone(i)), Operator.values()[i % 3],
                            Money.ofMad(5 + i % 4 * 5), Promo.PLAIN, Sale.Origin.BATCH, now, account));
                }
                db.write(c -> {
                    sales.insertAll(c, chunk);
                    return null;
                });
            }
            return (System.nanoTime() - t0) / 1e9;
        }
    }

    private static void write(Path csv, int lines) throws java.io.IOException {
        String[] ops = {"Inwi", "Orange", "Maroc Telecom"};
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("phone,operator,value,type\n");
            for (int i = 0; i < lines; i++) {
                w.write(phone(i) + "," + ops[i % 3] + "," + (5 + i % 4 * 5) + ",0\n");
            }
        }
    }

    private static String phone(int i) {
        return String.format("06%02d%06d", 10 + i / 1_000_000 % 90, i % 1_000_000);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
