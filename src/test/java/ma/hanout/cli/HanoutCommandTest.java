package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class HanoutCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void helpListsEveryCommandOfTheDesign() {
        assertThat(run("--help")).isZero();
        for (String c : new String[] {"sim", "relay", "sell", "drain", "queue", "history", "balance", "sync",
                "receipt", "bench"}) {
            assertThat(out.toString()).containsPattern("(?m)^\\s+" + c + "\\s+\\S");
        }
    }

    @Test
    void unknownCommandExitsTwoWithUsageOnStderr() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("Usage: hanout");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void unknownFlagExitsTwo() {
        assertThat(run("--frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option");
    }

    @Test
    void unknownLanguageExitsTwo() {
        assertThat(run("--lang", "de")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown language 'de'");
    }
}
