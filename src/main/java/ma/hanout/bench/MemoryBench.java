package ma.hanout.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ma.hanout.app.DataFolder;
import ma.hanout.domain.Environment;
import ma.hanout.domain.SaleAccount;
import ma.hanout.sim.SimConfig;
import ma.hanout.store.Database;

/**
 * {@code hanout bench memory}: how much memory the desktop app holds with a shop's years of
 * history ({@value #ROWS} sales) and the history screen open, scrolled {@value #PAGES} pages down,
 * and with a new demo shop. The app runs as a child process ({@code ma.hanout.Main --home DIR})
 * as the installed launcher runs it (the desktop JVM options, its environment and an AppCDS archive
 * made in the run), then without the archive, and once with the JVM's own defaults (what
 * {@code java -jar} gives) for comparison, and a minimal JavaFX window as the floor. Resident memory is read from {@code /proc/PID/status}:
 * {@code VmHWM} (the peak) and {@code VmRSS}, sampled for {@value #SETTLE_MS} ms after the history
 * is shown (the engine's first reads and a history sync run meanwhile). Linux only; needs a
 * display like {@code bench startup} (or Monocle).
 */
public final class MemoryBench implements Harness {
    static final int ROWS = 1_000_000;
    static final int PAGES = 10;
    static final long SETTLE_MS = 5_000;
    /** The target for the desktop options with the full history open. */
    static final long TARGET_MB = 200;

    private final int rows;
    private final boolean full;
    private final long settleMs;

    /** The standard run ({@code -Dhanout.bench.memoryRows=N} for another history size). */
    public MemoryBench() {
        this(Integer.getInteger("hanout.bench.memoryRows", ROWS), true, SETTLE_MS);
    }

    /**
     * @param full false for the harness's own test: the desktop options only (no archive, no
     *             comparisons), the history and the demo shop
     */
    MemoryBench(int rows, boolean full, long settleMs) {
        this.rows = rows;
        this.full = full;
        this.settleMs = settleMs;
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        if (!Files.isReadable(Path.of("/proc/self/status"))) {
            throw new IllegalStateException("the memory bench reads /proc/PID/status: Linux only");
        }
        StartupBench.requireDisplay();
        Path history = Files.createTempDirectory("hanout-memory-full");
        Path empty = Files.createTempDirectory("hanout-memory-empty");
        Path cds = Files.createTempDirectory("hanout-memory-cds");
        try {
            out.printf(Locale.ROOT, "memory: filling a data folder with %,d sales...%n", rows);
            long t0 = System.nanoTime();
            try (Database db = DataFolder.open(history, Clock.systemUTC())) {
                HistoryBench.fillSettled(db, rows, new SaleAccount(Environment.DEMO, SimConfig.DEFAULT_CLIENT_CODE));
            }
            long dbBytes = Files.size(history.resolve(Database.FILE_NAME));
            out.printf(Locale.ROOT, "filled in %.1f s, database %.0f MB%n", (System.nanoTime() - t0) / 1e9,
                    dbBytes / 1e6);
            List<String> desktop = ChildJvm.desktopOptions();
            Map<String, String> env = ChildJvm.LAUNCHER_ENV;
            out.println("desktop JVM options: " + String.join(" ", desktop) + "; environment " + env);
            List<String> shipped = full ? ChildJvm.withArchive(desktop, ChildJvm.makeArchive(desktop, env, empty, cds))
                    : desktop;

            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("rows", rows);
            Rss fullShipped = measure(shipped, env, history, out, "full history, as installed");
            figures.put("hwm_mb", fullShipped.hwmMb());
            figures.put("rss_mb", fullShipped.rssMb());
            figures.put("history_rows_shown", fullShipped.rowsShown());
            Rss emptyShipped = measure(shipped, env, empty, out, "demo shop, as installed");
            figures.put("empty_hwm_mb", emptyShipped.hwmMb());
            figures.put("empty_rss_mb", emptyShipped.rssMb());
            if (full) {
                Rss noCds = measure(desktop, env, history, out, "full history, no AppCDS");
                figures.put("no_cds_hwm_mb", noCds.hwmMb());
                Rss minimal = measure(desktop, env, null, out, "minimal JavaFX window (floor)");
                figures.put("minimal_hwm_mb", minimal.hwmMb());
                Rss fullDefaults = measure(List.of(), Map.of(), history, out, "full history, JVM defaults");
                figures.put("defaults_hwm_mb", fullDefaults.hwmMb());
                figures.put("defaults_rss_mb", fullDefaults.rssMb());
            }
            figures.put("db_mb", Math.round(dbBytes / 1e6));
            out.printf(Locale.ROOT, "target: hwm_mb < %d (full history open, desktop options): %s%n", TARGET_MB,
                    fullShipped.hwmMb() < TARGET_MB ? "met" : "NOT met");
            return figures;
        } finally {
            deleteQuietly(history);
            deleteQuietly(empty);
            deleteQuietly(cds);
        }
    }

    /** Peak and current resident memory of one run of the app, with the rows its history showed. */
    record Rss(long hwmMb, long rssMb, int rowsShown) {
    }

    /** One run of the app in {@code home} with its history open, or of the minimal window when {@code home} is null. */
    private Rss measure(List<String> jvm, Map<String, String> env, Path home, PrintStream out, String label)
            throws Exception {
        List<String> options = new ArrayList<>(jvm);
        options.add("-D" + ma.hanout.ui.HanoutApp.READY_MARKER + "=" + StartupBench.MARKER);
        options.add("-D" + ma.hanout.ui.HanoutApp.BENCH_HISTORY_PAGES + "=" + PAGES);
        List<String> args = home == null ? List.of(MinimalWindow.class.getName())
                : List.of("ma.hanout.Main", "--home", home.toString());
        String last = home == null ? StartupBench.MARKER : ma.hanout.ui.HanoutApp.HISTORY_LINE;
        try (ChildJvm child = ChildJvm.start(options, args, env)) {
            Map<String, ChildJvm.Seen> seen = child.awaitMarkers(last, StartupBench.MARKER);
            child.drain();
            String shownLine = seen.get(last).line();
            int shown = home == null ? 0 : Integer.parseInt(shownLine.substring(shownLine.lastIndexOf(' ') + 1));
            Path status = Path.of("/proc", Long.toString(child.pid()), "status");
            long hwm = 0;
            long rss = 0;
            long until = System.nanoTime() + settleMs * 1_000_000;
            // sampled over a few seconds: the peak is the kernel's own high-water mark
            while (System.nanoTime() < until) {
                Map<String, Long> kb = statusKb(status);
                hwm = Math.max(hwm, kb.getOrDefault("VmHWM", 0L));
                rss = kb.getOrDefault("VmRSS", 0L);
                Thread.sleep(Math.min(250, settleMs));
            }
            Rss r = new Rss(Math.round(hwm / 1024.0), Math.round(rss / 1024.0), shown);
            out.printf(Locale.ROOT, "%-34s peak (VmHWM) %4d MB, resident (VmRSS) %4d MB, %,d rows shown, ready in %d ms%n",
                    label, r.hwmMb(), r.rssMb(), shown, seen.get(StartupBench.MARKER).ms());
            return r;
        }
    }

    /** The {@code kB} lines of a {@code /proc/PID/status} file. */
    static Map<String, Long> statusKb(Path status) throws IOException {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String line : Files.readAllLines(status)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.endsWith(" kB")) {
                kb.put(line.substring(0, colon), Long.parseLong(line.substring(colon + 1, line.length() - 3).strip()));
            }
        }
        return kb;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
