package ma.hanout.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import ma.hanout.ui.HanoutApp;

/**
 * {@code hanout bench startup}: time from process start until a sale can be made (the counter's
 * phone field has the focus and the engine is open, its worker started), as child processes
 * {@code java [options] -cp <jar> ma.hanout.Main --home DIR}, against a minimal JavaFX window
 * started the same way in the same run (the floor).
 *
 * <p>Each start technique is timed in the same run, interleaved: the JVM's defaults ({@code java
 * -jar}), the desktop options the installer ships ({@code desktop-jvm.options}, with
 * {@code -XX:TieredStopAtLevel=1}), the same with both JIT compilers, and the desktop options with an
 * AppCDS archive of the app's classes (made in the run as the installer makes it: a class list
 * from one start, then {@code -Xshare:dump}). The first start in a new data folder (database
 * created, simulator and demo history made) is reported apart; medians are over the next starts
 * in that folder, the shop's every morning. Needs a display (run it under {@code xvfb-run -a}); the
 * JVM's glass/prism/monocle properties are passed on to the children, so a headless Monocle run
 * works where Monocle is on the class path.
 */
public final class StartupBench implements Harness {
    /** The line the app prints once a sale can be made, and the minimal window once its field has the focus. */
    public static final String MARKER = "HANOUT_READY";
    private final int runs;
    private final boolean compare;

    /** Five starts of each (or {@code -Dhanout.bench.startupRuns=N}). */
    public StartupBench() {
        this(Integer.getInteger("hanout.bench.startupRuns", 5), true);
    }

    /** @param compare false for the harness's own test: only the installed way of starting, not the others */
    StartupBench(int runs, boolean compare) {
        this.runs = runs;
        this.compare = compare;
    }

    static void requireDisplay() {
        if (System.getenv("DISPLAY") == null && !"Monocle".equals(System.getProperty("glass.platform"))) {
            throw new IllegalStateException("this bench opens real windows: run it with a display, e.g. "
                    + "xvfb-run -a java -jar target/hanout.jar bench startup");
        }
    }

    /** One way of starting the JVM. */
    private record Variant(String key, String label, List<String> options, Map<String, String> env) {
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        requireDisplay();
        Path home = Files.createTempDirectory("hanout-startup");
        Path cds = Files.createTempDirectory("hanout-cds");
        try {
            List<String> desktop = ChildJvm.desktopOptions();
            out.println("startup: " + runs + " runs each; desktop options: " + String.join(" ", desktop));
            Map<String, String> env = ChildJvm.LAUNCHER_ENV;
            time(minimal(List.of()), env); // warms the file cache for all: same jar
            long first = time(app(desktop, home), env).ready;
            out.printf("first start in a new data folder: %d ms%n", first);

            Path archive = ChildJvm.makeArchive(desktop, env, home, cds);
            if (archive == null) {
                out.println("AppCDS needs a class path of jars only (java -jar target/hanout.jar): measured without");
            }
            List<Variant> variants = new ArrayList<>(List.of(
                    new Variant("shipped", archive == null ? "desktop options (no archive possible)"
                            : "desktop options + AppCDS", ChildJvm.withArchive(desktop, archive), env)));
            if (compare) {
                variants.add(new Variant("no_cds", "desktop options, no AppCDS", desktop, env));
                variants.add(new Variant("c2", "desktop options with both JITs, AppCDS",
                        ChildJvm.withArchive(bothJits(desktop), archive), env));
                variants.add(new Variant("defaults", "JVM defaults (java -jar)", List.of(), Map.of()));
            }
            long[][] ready = new long[variants.size()][runs];
            long[][] focused = new long[variants.size()][runs];
            long[] minimalRuns = new long[runs];
            for (int i = 0; i < runs; i++) {
                minimalRuns[i] = time(minimal(desktop), env).ready;
                StringBuilder line = new StringBuilder("run " + (i + 1) + ":");
                for (int v = 0; v < variants.size(); v++) {
                    Times t = time(app(variants.get(v).options(), home), variants.get(v).env());
                    ready[v][i] = t.ready;
                    focused[v][i] = t.focused;
                    line.append(String.format(Locale.ROOT, " %s %d ms (focused %d);", variants.get(v).key(), t.ready,
                            t.focused));
                }
                out.println(line.append(" minimal window ").append(minimalRuns[i]).append(" ms"));
            }
            long floor = median(minimalRuns);
            Map<String, Number> figures = new LinkedHashMap<>();
            for (int v = 0; v < variants.size(); v++) {
                Variant variant = variants.get(v);
                long r = median(ready[v]);
                long f = median(focused[v]);
                out.printf(Locale.ROOT, "%-40s sale possible (median) %5d ms, phone focused %5d ms%n", variant.label(),
                        r, f);
                String prefix = v == 0 ? "startup" : variant.key();
                figures.put(prefix + "_median_ms", r);
                figures.put(prefix + "_focused_median_ms", f);
            }
            long shipped = figures.get("startup_median_ms").longValue();
            double ratio = (double) shipped / floor;
            out.printf(Locale.ROOT, "minimal JavaFX window (median, desktop options): %d ms; ratio %.2f%n", floor,
                    ratio);
            figures.put("minimal_median_ms", floor);
            figures.put("ratio", Math.round(ratio * 100) / 100.0);
            figures.put("first_start_ms", first);
            return figures;
        } finally {
            deleteQuietly(home);
            deleteQuietly(cds);
        }
    }

    private static List<String> bothJits(List<String> options) {
        return options.stream().filter(o -> !o.startsWith("-XX:TieredStopAtLevel") && !o.startsWith("-XX:CICompilerCount"))
                .toList();
    }

    private static List<String> app(List<String> jvm, Path home) {
        List<String> cmd = new ArrayList<>(jvm);
        cmd.add("-D" + HanoutApp.READY_MARKER + "=" + MARKER);
        cmd.addAll(List.of("ma.hanout.Main", "--home", home.toString()));
        return cmd;
    }

    private static List<String> minimal(List<String> jvm) {
        List<String> cmd = new ArrayList<>(jvm);
        cmd.add(MinimalWindow.class.getName());
        return cmd;
    }

    /** When the child was ready and (for the app) when its phone field first had the focus. */
    private record Times(long ready, long focused) {
    }

    /** Starts {@code cmd} (JVM options then main class and arguments) and times it to its marker; then stops it. */
    private static Times time(List<String> cmd, Map<String, String> env) throws Exception {
        int main = cmd.indexOf("ma.hanout.Main") >= 0 ? cmd.indexOf("ma.hanout.Main") : cmd.size() - 1;
        try (ChildJvm child = ChildJvm.start(cmd.subList(0, main), cmd.subList(main, cmd.size()), env)) {
            Map<String, ChildJvm.Seen> seen = child.awaitMarkers(MARKER, HanoutApp.FOCUSED_LINE);
            long ready = seen.get(MARKER).ms();
            ChildJvm.Seen focused = seen.get(HanoutApp.FOCUSED_LINE);
            return new Times(ready, focused == null ? ready : focused.ms());
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
