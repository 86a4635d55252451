package ma.hanout.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java -jar target/hanout.jar ...} as a user would: a child process, its own
 * environment, standard input, and what it printed. For the {@code *IT} tests, which Maven runs
 * after {@code package} (failsafe) with the jar's path in {@code hanout.jar}.
 */
public final class RealJar {
    /** What one run printed and how it ended. */
    public record Run(int exit, String out, String err) {
    }

    private RealJar() {
    }

    /** The built jar; fails clearly when the tests run without it (run them with ./mvnw verify). */
    public static Path jar() {
        String p = System.getProperty("hanout.jar");
        if (p == null || !Files.isRegularFile(Path.of(p))) {
            throw new IllegalStateException("target/hanout.jar is not built: run the *IT tests with ./mvnw verify"
                    + " (hanout.jar=" + p + ")");
        }
        return Path.of(p);
    }

    /** Runs the jar with {@code args}, nothing on stdin, the current environment; waits at most 120 s. */
    public static Run run(String... args) {
        return run(null, Map.of(), args);
    }

    /**
     * Runs the jar with {@code args}, {@code stdin} (null: none) on its standard input and {@code env}
     * added to the current environment (a null value removes a variable).
     */
    public static Run run(String stdin, Map<String, String> env, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(new File("."));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        try {
            Process p = pb.start();
            CompletableFuture<String> out = read(p.getInputStream());
            CompletableFuture<String> err = read(p.getErrorStream());
            try (OutputStream in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("hanout " + String.join(" ", args) + " did not end within 120 s");
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run the jar: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        });
    }
}
