package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.api.ApiConfig;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleEvent;
import ma.hanout.engine.EngineConfig;
import ma.hanout.engine.EngineStatus;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.relay.RelayConfig;
import ma.hanout.relay.RelayConnectionState;
import ma.hanout.relay.RelayServer;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.Database;
import ma.hanout.store.PaymentStore;
import ma.hanout.store.SettingsStore;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live status through the relay: the simulator's signed webhooks go to a real relay, the engine's
 * subscriber applies them. With the poller off, every status still arrives; under the simulator's
 * webhook faults it never moves backwards; with the poller on, dropped webhooks are caught up.
 */
class RelayLinkTest {
    private static final String SECRET = SimConfig.DEFAULT_SECRET;
    private static final String TOKEN = "terminal-1";
    private static final String FEDAPAY_SECRET = "wh_sandbox_fedapay";

    @TempDir
    Path dir;

    private record Setup(RelayServer relay, Simulator sim, Database db, SaleEngine engine, RelayLink link)
            implements AutoCloseable {
        @Override
        public void close() {
            link.close();
            engine.close();
            sim.close();
            relay.close();
            db.close();
        }
    }

    private Setup setup(String webhookFaults, String subscriberSecret) throws Exception {
        RelayServer relay = RelayServer.start(RelayConfig.builder(0, dir.resolve("relay.db"), SECRET, List.of(TOKEN))
                .fedapaySecret(FEDAPAY_SECRET).build());
        Simulator sim = Simulator.start(SimConfig.builder().port(0).timeScale(0.002).seed(3L).faults(webhookFaults)
                .webhookUrl(relay.baseUri() + "/hooks/moroccotopup").build());
        Database db = Database.open(dir.resolve("hanout.db"));
        SaleEngine engine = SaleEngine.create(db, new MoroccoTopupClient(new ApiConfig(sim.baseUrl(),
                SimConfig.DEFAULT_CLIENT_CODE, SimConfig.DEFAULT_API_KEY, false, Duration.ofSeconds(2), Duration.ofSeconds(2))),
                EngineConfig.defaults(Clock.systemUTC()).withHistorySyncEvery(Duration.ofHours(1)), new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.DEMO, ma.hanout.sim.SimConfig.DEFAULT_CLIENT_CODE));
        RelayLink link = RelayLink.start(relay.baseUri(), TOKEN, subscriberSecret, engine, new SettingsStore(db),
                new PaymentStore(db));
        // the engine's flag is what is asserted on: wait for it, not only for the link's state
        Eventually.await(Duration.ofSeconds(30), "subscribed", () -> link.state() == RelayConnectionState.CONNECTED
                && Boolean.TRUE.equals(engine.status().relayConnected()));
        return new Setup(relay, sim, db, engine, link);
    }

    private static List<Sale> sell(SaleEngine engine, int n) throws InterruptedException {
        List<Sale> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(engine.sell(SaleRequest.of(Phone.parse(String.format("0661%02d%04d", i, 1000 + i)), Operator.ORANGE,
                    Money.ofMad(10), Promo.PLAIN, Sale.Origin.CLI)));
        }
        // the failing scenario: 1 -> 2 -> 4
        out.add(engine.sell(SaleRequest.of(Phone.parse("0612340004"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                Sale.Origin.CLI)));
        assertThat(engine.drain(true, Duration.ofSeconds(30), false).settled()).isTrue();
        return out;
    }

    private static boolean allFinal(SaleEngine engine, List<Sale> sold) {
        return sold.stream().map(s -> engine.find(s.externalReference()).orElseThrow())
                .allMatch(s -> s.status() != null && (s.status().code() == 3 || s.status().code() == 4));
    }

    @ParameterizedTest(name = "webhook faults: {0}")
    @CsvSource({"''", "'webhook-dup=0.5,webhook-reorder=0.5,webhook-delay=5ms'"})
    void withThePollerOffEveryStatusArrivesThroughTheRelayAndNeverMovesBackwards(String faults) throws Exception {
        try (Setup s = setup(faults, SECRET)) {
            List<Sale> sold = sell(s.engine(), 8);
            Eventually.await(Duration.ofSeconds(30), "every sale reaches its outcome through relay events alone",
                    () -> allFinal(s.engine(), sold));
            for (Sale sale : sold) {
                List<Integer> codes = s.engine().reads().timeline(sale.externalReference()).stream().map(SaleEvent::status)
                        .filter(java.util.Objects::nonNull).map(RechargeStatus::code).toList();
                assertThat(codes).as("timeline of %s", sale.externalReference()).doesNotContainSequence(3, 2)
                        .doesNotContainSequence(2, 1).doesNotContainSequence(4, 2);
                assertThat(s.engine().reads().timeline(sale.externalReference())).extracting(SaleEvent::source)
                        .contains("relay");
            }
        }
    }

    @Test
    void droppedWebhooksAreCaughtUpByPolling() throws Exception {
        try (Setup s = setup("webhook-drop=0.6", SECRET)) {
            List<Sale> sold = sell(s.engine(), 8);
            s.engine().start();
            Eventually.await(Duration.ofSeconds(30), "polling catches up what the relay never got",
                    () -> allFinal(s.engine(), sold));
        }
    }

    @Test
    void withoutTheApiSecretAnEventIsOnlyAHintAndTheApiHasTheLastWord() throws Exception {
        try (Setup s = setup("", null)) {
            List<Sale> sold = sell(s.engine(), 4);
            Eventually.await(Duration.ofSeconds(30), "unverified events make the engine ask the API at once",
                    () -> allFinal(s.engine(), sold));
            assertThat(s.engine().reads().timeline(sold.get(0).externalReference())).extracting(SaleEvent::source)
                    .doesNotContain("relay").contains("poll");
        }
    }

    @Test
    void aSignedFedaPayNotificationBecomesAPaymentReceived() throws Exception {
        try (Setup s = setup("", SECRET)) {
            String body = "{\"name\":\"transaction.approved\",\"entity\":{\"id\":77,\"reference\":\"trx_77\","
                    + "\"amount\":1500,\"status\":\"approved\",\"currency\":{\"iso\":\"XOF\"}}}";
            long t = java.time.Instant.now().getEpochSecond();
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(FEDAPAY_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
            String sig = java.util.HexFormat.of().formatHex(
                    mac.doFinal((t + "." + body).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                    .newBuilder(java.net.URI.create(s.relay().baseUri() + "/hooks/fedapay"))
                    .header("Content-Type", "application/json").header("X-FEDAPAY-SIGNATURE", "t=" + t + ",s=" + sig)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            PaymentStore payments = new PaymentStore(s.db());
            Eventually.await(Duration.ofSeconds(30), "the payment reaches the terminal", () -> !payments.recent(5).isEmpty());
            var p = payments.recent(5).get(0);
            assertThat(p.source()).isEqualTo("fedapay");
            assertThat(p.type()).isEqualTo("transaction.approved");
            assertThat(p.amount()).isEqualByComparingTo("1500");
            assertThat(p.currency()).isEqualTo("XOF");
            assertThat(p.reference()).isEqualTo("trx_77");
        }
    }

    @Test
    void theSubscriptionResumesAfterTheLastEventSavedInTheSettings() throws Exception {
        try (Setup s = setup("", SECRET)) {
            List<Sale> sold = sell(s.engine(), 3);
            Eventually.await(Duration.ofSeconds(30), "outcomes through the relay", () -> allFinal(s.engine(), sold));
            String saved = new SettingsStore(s.db()).get(RelayLink.CURSOR).orElseThrow();
            assertThat(Long.parseLong(saved)).isPositive();
        }
    }
}
