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

/**
 * The command line's sync converges on a big history: every local status equals the server's,
 * while the bounded background sync ({@link SaleEngine#BACKGROUND_SYNC_PAGES} pages of 50, 1,000
 * sales) stops short of it. The default history is 1,500 sales, half as many again as that bound,
 * which is all the property needs; the full stress size, 5,000 sales (what the suite ran before,
 * about 27 s idle), is {@code -Dhanout.historySync.sales=5000}.
 */
class HistorySyncTest {
    private static final int SALES = Integer.getInteger("hanout.historySync.sales", 1_500);

    @TempDir
    Path dir;

    @Test
    void oneSyncBringsEveryLocalStatusToTheServersOnAHistoryLongerThanTheBackgroundSyncReads() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim().balance(Money.ofMad(1_000_000)))) {
            List<SaleRequest> requests = new java.util.ArrayList<>();
            for (int i = 0; i < SALES; i++) {
                requests.add(SaleRequest.of(ma.hanout.domain.Phone.parse(EngineHarness.ordinaryNumber(i)),
                        ma.hanout.domain.Operator.values()[i % 3], Money.ofMad(5 + i % 4 * 5), ma.hanout.domain.Promo.PLAIN,
                        Sale.Origin.BATCH));
            }
            List<Sale> sold = new java.util.ArrayList<>();
            assertThat(SALES).as("more sales than the background sync reads")
                    .isGreaterThan(SaleEngine.BACKGROUND_SYNC_PAGES * 50);
            for (int i = 0; i < SALES; i += 500) {
                h.engine.sellAll(requests.subList(i, Math.min(SALES, i + 500))).forEach(r -> sold.add(r.sale()));
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
