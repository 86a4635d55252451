package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without a base URL every engine command uses the embedded simulator, which remembers across runs. */
class DemoModeCommandsTest {
    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void fastDemo() {
        System.setProperty("hanout.demoTimeScale", "0.002");
    }

    @AfterEach
    void realisticDemo() {
        System.clearProperty("hanout.demoTimeScale");
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--home",
                home.toString())).toArray(String[]::new);
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void salesInSeparateRunsSeeOneDemoAccount() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10", "--json")).as(err.toString())
                .isZero();
        String first = json.readTree(out.toString()).get("ref_interne").asText();
        assertThat(run("sell", "--phone", "0698765432", "--operator", "Orange", "--value", "20", "--json")).isZero();
        assertThat(run("balance", "--json")).isZero();
        JsonNode b = json.readTree(out.toString());
        // 1000 - 9.35 - 18.70, across two separate runs of the embedded simulator
        assertThat(b.get("balance").decimalValue()).isEqualByComparingTo("971.95");
        assertThat(run("sync")).isZero();
        assertThat(out.toString()).contains("0 sale(s) added");
        assertThat(run("history", "--json")).isZero();
        assertThat(json.readTree(out.toString())).hasSize(2)
                .anySatisfy(s -> assertThat(s.get("ref_interne").asText()).isEqualTo(first));
    }

    @Test
    void theDataFolderIsPrivateAndAnEmptiedDatabaseStopsEveryCommand() throws Exception {
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10")).as(err.toString())
                .isZero();
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(home)))
                .isEqualTo("rwx------");
        try (var files = java.nio.file.Files.list(home)) {
            assertThat(files.toList()).allSatisfy(f -> assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(f))).as("%s", f).isEqualTo("rw-------"));
        }

        java.nio.file.Files.write(home.resolve("hanout.db"), new byte[0]);
        assertThat(run("history")).isEqualTo(1);
        assertThat(err.toString()).contains("empty (0 bytes)").contains("will not start a new, empty shop");
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10")).isEqualTo(1);
        assertThat(err.toString()).contains("is missing");
    }
}
