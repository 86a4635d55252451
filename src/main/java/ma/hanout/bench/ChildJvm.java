package ma.hanout.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started by a bench on this jar's class path, as a user's launcher starts it: the
 * lines it prints are watched for markers, each timed from the process start.
 */
final class ChildJvm implements AutoCloseable {
    private static final long STOP_SECONDS = 60;
    /** The desktop app's JVM options, as the installer's launcher and {@code javafx:run} pass them. */
    static final String DESKTOP_OPTIONS = "/ma/hanout/desktop-jvm.options";

    private final Process process;
    private final long start;
    private final BufferedReader out;
    private final StringBuilder seen = new StringBuilder();

    /**
     * The environment the installed launcher gives the app ({@code installer/linux/hanout.sh}):
     * GTK is kept from loading OpenGL at start (Mesa and LLVM, about 55 MB resident under Xvfb)
     * just to list GL visuals, which JavaFX does not use; its own pipeline loads GL when it renders with it.
     */
    static final Map<String, String> LAUNCHER_ENV = Map.of("GDK_GL", "disable");

    private ChildJvm(List<String> cmd, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        start = System.nanoTime();
        process = pb.start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts {@code java [jvmOptions] -cp <this class path> [args]} with {@code env} added to this one's environment. */
    static ChildJvm start(List<String> jvmOptions, List<String> args, Map<String, String> env) throws IOException {
        return new ChildJvm(command(jvmOptions, args), env);
    }

    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmOptions);
        // a headless (Monocle) run passes its platform on; the same for every child
        for (String p : new String[] {"prism.order", "glass.platform", "monocle.platform", "testfx.headless",
                "java.awt.headless", "prism.text"}) {
            String v = System.getProperty(p);
            if (v != null) {
                cmd.add("-D" + p + "=" + v);
            }
        }
        if (System.getProperty("prism.order") == null) {
            // skips a failing OpenGL probe on machines without a GPU (Xvfb); the same for every child
            cmd.add("-Dprism.order=sw");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.addAll(args);
        return cmd;
    }

    /** The desktop app's JVM options (comments and blank lines dropped). */
    static List<String> desktopOptions() {
        try (InputStream in = ChildJvm.class.getResourceAsStream(DESKTOP_OPTIONS)) {
            if (in == null) {
                throw new IllegalStateException(DESKTOP_OPTIONS + " is not in the jar");
            }
            List<String> options = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    options.add(l);
                }
            }
            return options;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Reads the child's lines until one starts with {@code last}; returns, for each of
     * {@code markers} seen (and {@code last}), the milliseconds from the start and the line.
     */
    Map<String, Seen> awaitMarkers(String last, String... markers) throws IOException {
        Map<String, Seen> found = new LinkedHashMap<>();
        String line;
        while ((line = out.readLine()) != null) {
            String l = line.strip();
            long ms = (System.nanoTime() - start) / 1_000_000;
            for (String m : markers) {
                if (l.startsWith(m) && !found.containsKey(m)) {
                    found.put(m, new Seen(ms, l));
                }
            }
            if (l.startsWith(last)) {
                found.put(last, new Seen(ms, l));
                return found;
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("the child ended before printing " + last + ":\n" + seen);
    }

    /** Keeps reading the child's output on a daemon thread so that it never blocks on a full pipe. */
    void drain() {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded
                }
            } catch (IOException e) {
                // the child is gone
            }
        }, "child-drain");
        t.setDaemon(true);
        t.start();
    }

    /** Runs the child to its end; fails with its output unless it exits with 0. */
    static void runToEnd(List<String> jvmOptions, List<String> args) throws IOException, InterruptedException {
        // (no display needed: used for the AppCDS dump)
        ProcessBuilder pb = new ProcessBuilder(command(jvmOptions, args)).redirectErrorStream(true);
        Process p = pb.start();
        byte[] text = p.getInputStream().readAllBytes();
        if (!p.waitFor(STOP_SECONDS, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException("child failed: " + new String(text, StandardCharsets.UTF_8));
        }
    }

    /**
     * An AppCDS archive of the classes one start of the app loads, made in {@code dir} as the
     * installer makes it: a class list from one start in {@code home} (which closes itself once a
     * sale can be made), then a static dump with the same options. Null when this class path
     * cannot have one ({@link #archivable}).
     */
    static Path makeArchive(List<String> options, Map<String, String> env, Path home, Path dir) throws Exception {
        if (!archivable()) {
            return null;
        }
        Path list = dir.resolve("hanout.classlist");
        Path archive = dir.resolve("hanout.jsa");
        List<String> dumpList = new ArrayList<>(options);
        dumpList.add("-XX:DumpLoadedClassList=" + list);
        dumpList.add("-D" + ma.hanout.ui.HanoutApp.EXIT_WHEN_READY + "=true");
        ProcessBuilder pb = new ProcessBuilder(command(dumpList, List.of("ma.hanout.Main", "--home", home.toString())))
                .redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] text = p.getInputStream().readAllBytes();
        if (!p.waitFor(STOP_SECONDS, TimeUnit.SECONDS) || !Files.isRegularFile(list)) {
            p.destroyForcibly();
            throw new IllegalStateException("no class list: " + new String(text, StandardCharsets.UTF_8));
        }
        List<String> dump = new ArrayList<>(options);
        dump.addAll(List.of("-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + archive));
        runToEnd(dump, List.of());
        return archive;
    }

    /**
     * Whether this class path can have an AppCDS archive: jars only (the JVM refuses class folders,
     * as in a test run from {@code target/classes}).
     */
    static boolean archivable() {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                return false;
            }
        }
        return true;
    }

    /** {@code options} using {@code archive} (made by {@link #makeArchive}; null: none could be made). */
    static List<String> withArchive(List<String> options, Path archive) {
        if (archive == null) {
            return options;
        }
        List<String> o = new ArrayList<>(options);
        o.add("-XX:SharedArchiveFile=" + archive);
        return o;
    }

    /** A marker line and when it came. */
    record Seen(long ms, String line) {
    }

    /** Stops the child (SIGTERM: its shutdown runs, as when the window is closed) and waits for it. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        try {
            out.close();
        } catch (IOException e) {
            // the child is gone
        }
    }
}
