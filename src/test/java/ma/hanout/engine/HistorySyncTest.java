package ma.hanout.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.domain.Money;
import ma.hanout.domain.Sale;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's sync converges on a big history: every local status equals the server's. */
class HistorySyncTest {
    private static final int SALES = 5_000;

    @TempDir
    Path dir;

    @Test
    void oneSyncBringsEveryLocalStatusToTheServersOnFiveThousandSales() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim().balance(Money.ofMad(1_000_000)))) {
            List<SaleRequest> requests = new java.util.ArrayList<>();
            for (int i = 0; i < SALES; i++) {
                requests.add(SaleRequest.of(ma.hanout.domain.Phone.parse(EngineHarness.ordinaryNumber(i)),
                        ma.hanout.domain.Operator.values()[i % 3], Money.ofMad(5 + i % 4 * 5), ma.hanout.domain.Promo.PLAIN,
                        Sale.Origin.BATCH));
            }
            List<Sale> sold = new java.util.ArrayList<>();
            for (int i = 0; i < SALES; i += 500) {
                h.engine.sellAll(requests.subList(i, i + 500)).forEach(r -> sold.add(r.sale()));
            }
            SaleEngine.DrainResult sent = h.engine.drain(true, Duration.ofSeconds(400), false); // 5,000 sends: minutes on a loaded 2-core machine
            assertThat(sent.settled()).isTrue();
            // the engine's polling is not running: the server moves on (1 -> 2 -> 3) without it
            Eventually.await(Duration.ofSeconds(180), "the simulator finished every recharge",
                    () -> h.simRecharges().values().stream().allMatch(l -> l.get(0).get("status_code").asInt() == 3));
            assertThat(mismatches(h, sold)).as("before any sync the local statuses lag").isPositive();

            h.engine.sync();
            assertThat(mismatches(h, sold)).as("the background sync is bounded: it stops short on a history this long")
                    .isPositive();
            SaleEngine.SyncResult r = h.engine.syncAll();

            assertThat(r.reached()).isTrue();
            assertThat(mismatches(h, sold)).isZero();
        }
    }

    private static long mismatches(EngineHarness h, List<Sale> sold) {
        Map<String, List<JsonNode>> server = h.simRecharges();
        return sold.stream().filter(s -> {
            Sale local = h.engine.find(s.externalReference()).orElseThrow();
            int serverCode = server.get(s.externalReference()).get(0).get("status_code").asInt();
            return local.status() == null || local.status().code() != serverCode;
        }).count();
    }
}
