package ma.hanout.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code hanout bench startup}: time from process start to the counter ready for input (the phone
 * field has the focus), as child processes {@code java -cp <jar> ma.hanout.Main --home DIR}, against
 * a minimal JavaFX window started the same way in the same run (the floor).
 *
 * <p>The first start in a new data folder (database created, simulator and demo history made) is
 * reported apart; the median is over the next starts in that folder, the shop's every morning.
 * Needs a display (run it under {@code xvfb-run -a}); the JVM's glass/prism/monocle properties are
 * passed on to the children, so a headless Monocle run works where Monocle is on the class path.
 */
public final class StartupBench implements Harness {
    /** The line both children print once ready. */
    public static final String MARKER = "HANOUT_READY";
    private final int runs;
    private static final long TIMEOUT_SECONDS = 60;

    /** Five starts of each (or {@code -Dhanout.bench.startupRuns=N}). */
    public StartupBench() {
        this(Integer.getInteger("hanout.bench.startupRuns", 5));
    }

    StartupBench(int runs) {
        this.runs = runs;
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new IllegalStateException("the startup bench opens real windows: run it with a display, e.g. "
                    + "xvfb-run -a java -jar target/hanout.jar bench startup");
        }
        String classPath = System.getProperty("java.class.path");
        Path home = Files.createTempDirectory("hanout-startup");
        try {
            out.println("startup: " + runs + " runs each, class path " + classPath);
            time(minimal(classPath)); // warms the file cache for both: same jar
            long first = time(app(classPath, home));
            out.printf("first start in a new data folder: %d ms%n", first);
            long[] appRuns = new long[runs];
            long[] minimalRuns = new long[runs];
            for (int i = 0; i < runs; i++) {
                minimalRuns[i] = time(minimal(classPath));
                appRuns[i] = time(app(classPath, home));
                out.printf("run %d: counter ready %d ms, minimal window %d ms%n", i + 1, appRuns[i], minimalRuns[i]);
            }
            long app = median(appRuns);
            long floor = median(minimalRuns);
            double ratio = (double) app / floor;
            out.printf("counter ready (median): %d ms; minimal JavaFX window (median): %d ms; ratio %.2f%n", app, floor,
                    ratio);
            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("startup_median_ms", app);
            figures.put("minimal_median_ms", floor);
            figures.put("ratio", Math.round(ratio * 100) / 100.0);
            figures.put("first_start_ms", first);
            return figures;
        } finally {
            deleteQuietly(home);
        }
    }

    private static List<String> app(String classPath, Path home) {
        List<String> cmd = java(classPath);
        cmd.add("-Dhanout.readyMarker=" + MARKER);
        cmd.addAll(List.of("ma.hanout.Main", "--home", home.toString()));
        return cmd;
    }

    private static List<String> minimal(String classPath) {
        List<String> cmd = java(classPath);
        cmd.add(MinimalWindow.class.getName());
        return cmd;
    }

    private static List<String> java(String classPath) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String p : new String[] {"prism.order", "glass.platform", "monocle.platform", "testfx.headless",
                "java.awt.headless", "prism.text"}) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        if (System.getProperty("prism.order") == null) {
            // skips a failing OpenGL probe on machines without a GPU (Xvfb); the same for both children
            cmd.add("-Dprism.order=sw");
        }
        cmd.add("-cp");
        cmd.add(classPath);
        return cmd;
    }

    /** Milliseconds from starting {@code cmd} to its marker line; the child is then stopped. */
    private static long time(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.strip().equals(MARKER)) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                seen.append(line).append('\n');
            }
            throw new IllegalStateException("the child ended before it was ready:\n" + seen);
        } finally {
            p.destroy();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }

    static long median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
