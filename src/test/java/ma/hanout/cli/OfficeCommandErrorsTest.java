package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office commands' refusals, in process on a demo data folder: a question only the user can
 * answer is asked, an ambiguous amount never closes a shift, a far date and an unwritable file
 * say what is wrong, and the message names the command that was run.
 */
class OfficeCommandErrorsTest {
    @TempDir
    Path home;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--home",
                home.toString())).toArray(String[]::new);
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
    }

    @Test
    void closingWithoutACashierWhenSeveralAreOpenAsksWhoseAndClosesNothing() {
        assertThat(run("shift", "close")).isEqualTo(1);
        assertThat(err.toString()).contains("hanout shift close: No shift is open at this terminal");
        assertThat(run("shift", "open", "--cashier", "Amina")).as(err.toString()).isZero();
        assertThat(run("shift", "open", "--cashier", "Karim")).as(err.toString()).isZero();

        assertThat(run("shift", "close")).isEqualTo(2);
        assertThat(err.toString()).contains("several shifts are open at this terminal (Amina, Karim)", "--cashier");
        assertThat(run("shift", "list", "--json")).isZero();
        assertThat(out.toString()).doesNotContain("closed_at\":\"2");

        assertThat(run("shift", "close", "--cashier", "Karim", "--counted", "1,000")).as("1,000 is a guess").isEqualTo(2);
        assertThat(err.toString()).contains("--counted");
        assertThat(run("shift", "close", "--cashier", "Karim", "--counted", "10,50", "--json")).as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("\"counted_cash\":10.5");
        // one left open: it is the one closed without --cashier
        assertThat(run("shift", "close", "--json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"cashier\":\"Amina\"");
    }

    @Test
    void aFarDateOrAFileThatCannotBeWrittenIsSaidPlainly() throws Exception {
        assertThat(run("report", "--from", "-999999999-01-01")).isEqualTo(2);
        assertThat(err.toString()).contains("--from must be a date between 1970-01-01 and 9999-12-31")
                .doesNotContain("Exception");
        assertThat(run("report", "--to", "+999999999-12-31")).isEqualTo(2);
        assertThat(err.toString()).contains("--to must be a date between").doesNotContain("Exception");

        Path missing = home.resolve("no-such-folder").resolve("sales.csv");
        assertThat(run("export", "--from", "2026-01-01", "--to", "2026-01-31", "--out", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("hanout export: Cannot write " + missing + ": the folder "
                + missing.getParent() + " does not exist");
        assertThat(run("export", "--from", "2026-01-01", "--to", "2026-01-31", "--out", home.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("it is a folder, not a file");

        assertThat(run("shift", "report", "99")).isEqualTo(1);
        assertThat(err.toString()).startsWith("hanout shift report: ");
    }
}
