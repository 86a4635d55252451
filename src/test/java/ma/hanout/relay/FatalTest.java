package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The old relay's I/O thread died of an OutOfMemoryError and the process exited 0, so systemd saw a
 * clean stop. In the relay's process an error nobody caught, on any thread, now halts it with
 * status 70 (in a child JVM here: halting is the point).
 */
class FatalTest {
    /** The child: the relay command's fatal-error policy, then a thread that dies of an error. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            Fatal.haltOnUncaught();
            Thread t = new Thread(() -> {
                throw new OutOfMemoryError("Java heap space (simulated)");
            }, "relay-ingest-writer");
            t.start();
            // the uncaught handler runs on the dying thread before it ends: once it has ended the
            // process should already be gone, and an exit 0 here fails the test
            t.join();
            System.exit(0);
        }
    }

    @Test
    void anErrorOnAnyThreadHaltsTheProcessWithANonZeroStatus() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Child.class.getName());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(Fatal.EXIT_STATUS);
        assertThat(out).contains("fatal error on thread relay-ingest-writer").contains("OutOfMemoryError");
    }
}
