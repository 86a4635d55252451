package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private String db() {
        return dir.resolve("relay.db").toString();
    }

    @Test
    void missingRequiredFlagsAreBadUsage() {
        assertThat(run("relay", "--port", "0", "--db", db(), "--secret", "s")).isEqualTo(2);
        assertThat(err.toString()).contains("--token");
    }

    @Test
    void badFlagValuesAreBadUsageWithAClearMessage() {
        String[][] cases = {
            {"--port", "70000"},
            {"--port", "eighty"},
            {"--tolerance", "0"},
            {"--tolerance", "-5"},
            {"--allow-ip", "banana"},
            {"--allow-ip", "10.0.0.0/33"},
            {"--ipn-key-id", "app-1"},
            {"--ipn-secret", "x"},
            {"--tiqopay-secret", ""},
            {"--frobnicate"},
        };
        for (String[] extra : cases) {
            StringWriter e = new StringWriter();
            String[] args = new String[8 + extra.length];
            String[] base = {"relay", "--db", db(), "--secret", "s", "--token", "t", "--port=0"};
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(extra, 0, args, base.length, extra.length);
            int code = HanoutCommand.run(new PrintWriter(new StringWriter(), true), new PrintWriter(e, true), args);
            assertThat(code).as(String.join(" ", extra)).isEqualTo(2);
            assertThat(e.toString()).as(String.join(" ", extra)).isNotBlank().doesNotContain("at ma.hanout");
        }
    }

    @Test
    void anEmptyTokenIsBadUsage() {
        assertThat(run("relay", "--port", "0", "--db", db(), "--secret", "s", "--token", " ")).isEqualTo(2);
        assertThat(err.toString()).contains("token");
    }

    @Test
    void aTakenPortIsAFailureNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run("relay", "--port", Integer.toString(taken.getLocalPort()), "--db", db(), "--secret", "s",
                    "--token", "t");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString()).contains("already in use").doesNotContain("Exception");
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsAFailure() {
        int code = run("relay", "--port", "0", "--db", dir.toString(), "--secret", "s", "--token", "t");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).contains("cannot open the relay database");
    }
}
