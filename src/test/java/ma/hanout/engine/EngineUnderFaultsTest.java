package ma.hanout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The engine against every fault the simulator injects, one at a time and mixed, over real HTTP:
 * every sale reaches a known state, the simulator holds exactly one recharge per accepted sale and
 * none for rejected ones, and the local status equals the simulator's.
 */
class EngineUnderFaultsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"latency=15ms", "timeout=0.3", "error-before=0.3", "error-after=0.3", "reset=0.3",
        "timeout=0.15,error-before=0.1,error-after=0.1,reset=0.1,latency=2ms"})
    void keepsBothPromisesUnder(String faults) throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim().faults(faults).seed(7L))) {
            List<Sale> sold = h.sellMany(40);
            SaleEngine.DrainResult r = h.engine.drain(true, Duration.ofSeconds(60), false);
            assertThat(r.settled()).as("drain settles under %s: %s", faults, r.remaining()).isTrue();
            h.engine.start();
            awaitKept(h, sold, faults);
            EngineHarness.PromiseReport report = EngineHarness.checkPromises(h.localSales(sold), h.simRecharges());
            assertThat(report.kept()).as(report.toString()).isTrue();
            assertThat(h.localSales(sold)).allMatch(s -> s.state() == SaleState.ACCEPTED && s.status().isSuccess());
        }
    }

    private static void awaitKept(EngineHarness h, List<Sale> sold, String faults) {
        try {
            Eventually.await(Duration.ofSeconds(30), "local statuses equal the simulator's under " + faults,
                    () -> EngineHarness.checkPromises(h.localSales(sold), h.simRecharges()).kept());
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": " + EngineHarness.checkPromises(h.localSales(sold), h.simRecharges()), e);
        }
    }

    @Test
    void mixedFaultsScenariosAndRejectionsKeepThePromises() throws Exception {
        // 60 MAD of balance: some sales are refused for funds; scenario numbers fail or never answer
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim()
                .balance(Money.ofMad(60)).faults("timeout=0.1,error-before=0.1,error-after=0.1,reset=0.1").seed(11L))) {
            List<Sale> sold = new ArrayList<>();
            sold.add(h.sell("0612340004", Operator.INWI, 10)); // ends in 4: line does not exist (refunded)
            sold.add(h.sell("0612349999", Operator.ORANGE, 10)); // never answers the send
            sold.add(h.sell("0612340012", Operator.MAROC_TELECOM, 10)); // ends in 12: suspended
            sold.addAll(h.sellMany(12));
            SaleEngine.DrainResult r = h.engine.drain(true, Duration.ofSeconds(60), false);
            assertThat(r.settled()).as("%s", r.remaining()).isTrue();
            h.engine.start();
            awaitKept(h, sold, "mixed");
            List<Sale> now = h.localSales(sold);
            assertThat(now).anyMatch(s -> s.state() == SaleState.REJECTED && "INSUFFICIENT_FUNDS".equals(s.errorCode()));
            assertThat(now.get(0).status().code()).isEqualTo(4);
            assertThat(now.get(1).state()).isEqualTo(SaleState.ACCEPTED);
            assertThat(now.get(2).status().code()).isEqualTo(12);
        }
    }
}
