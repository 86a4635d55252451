package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ma.hanout.api.ApiConfig;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.api.RechargeRequest;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Demo mode's simulator keeps its account and recharges in a file across restarts. */
class SimStateTest {
    @TempDir
    Path dir;

    private static MoroccoTopupClient client(Simulator sim) {
        return new MoroccoTopupClient(new ApiConfig(sim.baseUrl(), SimConfig.DEFAULT_CLIENT_CODE,
                SimConfig.DEFAULT_API_KEY, false, Duration.ofSeconds(2), Duration.ofSeconds(5)));
    }

    @Test
    void aRestartedSimulatorRemembersBalanceRechargesAndFinishesThoseInProgress() throws Exception {
        Path file = dir.resolve("demo-simulator.json");
        SimConfig config = SimConfig.builder().port(0).timeScale(0.001).build();
        String pendingRef;
        try (Simulator sim = Simulator.start(config, file)) {
            MoroccoTopupClient c = client(sim);
            c.recharge(new RechargeRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), Promo.PLAIN, "KEEP-1"));
            c.recharge(new RechargeRequest(Phone.parse("0612340004"), Operator.ORANGE, Money.ofMad(20), Promo.PLAIN, "KEEP-2"));
            Eventually.await(Duration.ofSeconds(30), "both recharges reach their outcome",
                    () -> status(c, "KEEP-1") == 3 && status(c, "KEEP-2") == 4);
            pendingRef = "KEEP-3";
        }
        assertThat(file).exists();
        // a slow simulator: KEEP-3 is still queued when it stops
        try (Simulator slow = Simulator.start(config.toBuilder().timeScale(100).build(), file)) {
            MoroccoTopupClient c = client(slow);
            c.recharge(new RechargeRequest(Phone.parse("0698765432"), Operator.MAROC_TELECOM, Money.ofMad(5), Promo.PLAIN,
                    pendingRef));
            assertThat(status(c, pendingRef)).isEqualTo(1);
        }
        try (Simulator again = Simulator.start(config, file)) {
            MoroccoTopupClient c = client(again);
            // 1000 - 9.35 (KEEP-1) - 0 (KEEP-2 failed, refunded) - 4.75 (KEEP-3)
            assertThat(c.balance().balance()).isEqualTo(Money.ofCentimes(1000_00 - 935 - 475));
            assertThat(c.byRef("KEEP-1").statusCode()).isEqualTo(3);
            assertThat(c.byRef("KEEP-2").statusCode()).isEqualTo(4);
            assertThat(c.history(1, 20).pagination().total()).isEqualTo(3);
            Eventually.await(Duration.ofSeconds(30), "the recharge in progress resumes its scenario",
                    () -> status(c, pendingRef) == 3);
            assertThat(c.byRef("KEEP-1").refInterne()).isNotEqualTo(c.byRef(pendingRef).refInterne());
        }
    }

    @Test
    void aStateFileThatIsNotJsonIsAClearError() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{not json");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> Simulator.start(SimConfig.builder().port(0).build(), file).close())
                .isInstanceOf(java.io.IOException.class).hasMessageContaining("state file");
    }

    private static int status(MoroccoTopupClient c, String ref) {
        try {
            return c.byRef(ref).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }
}
