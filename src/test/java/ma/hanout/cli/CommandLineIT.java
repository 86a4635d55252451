package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ma.hanout.testing.RealJar;
import org.junit.jupiter.api.Test;

/** The built jar, run as a user runs it: help on every command, the real version, exit codes. */
class CommandLineIT {
    private static final String[] COMMANDS = {"sim", "relay", "sell", "drain", "queue", "history", "balance", "sync",
        "receipt", "bench"};

    @Test
    void everyCommandAnswersHelpWithExitZero() {
        for (String c : COMMANDS) {
            RealJar.Run h = RealJar.run(c, "--help");
            assertThat(h.exit()).as("%s --help: %s", c, h.err()).isZero();
            assertThat(h.out()).as(c).contains("Usage: hanout " + c);
            assertThat(RealJar.run(c, "-h").exit()).as("%s -h", c).isZero();
            RealJar.Run viaHelp = RealJar.run("help", c);
            assertThat(viaHelp.exit()).as("help %s", c).isZero();
            assertThat(viaHelp.out()).contains("Usage: hanout " + c);
        }
    }

    @Test
    void versionIsTheBuiltVersion() {
        RealJar.Run v = RealJar.run("--version");
        assertThat(v.exit()).isZero();
        assertThat(v.out().strip()).isEqualTo("hanout " + System.getProperty("hanout.version"));
        assertThat(RealJar.run("queue", "--version").out().strip()).isEqualTo("hanout " + System.getProperty("hanout.version"));
    }

    @Test
    void badUsageIsTwoAndAFailureIsOneWithoutAStackTrace() {
        RealJar.Run bad = RealJar.run("frob");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Usage: hanout");
        RealJar.Run badFlag = RealJar.run("sell", "--phone", "0512345678", "--operator", "Inwi", "--value", "10");
        assertThat(badFlag.exit()).isEqualTo(2);
        assertThat(badFlag.err()).doesNotContain("\tat ");
    }
}
