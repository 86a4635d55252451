package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.testing.Eventually;
import ma.hanout.webhook.MoroccoTopupSignature;
import ma.hanout.webhook.SignatureException;

/** Webhooks received on a real HTTP endpoint: the reference's payload and signature, order, and the retry schedule. */
class SimulatorWebhooksTest {
    private Simulator sim;
    private WebhookReceiver receiver;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    private SimHttp start(WebhookReceiver r, SimConfig.Builder config) throws Exception {
        receiver = r;
        sim = Simulator.start(config.webhookUrl(r.url()).build());
        return new SimHttp(sim);
    }

    private List<WebhookReceiver.Delivery> awaitDeliveries(int n) {
        return Eventually.awaitValue(Duration.ofSeconds(30), n + " webhooks", () -> {
            List<WebhookReceiver.Delivery> d = receiver.deliveries();
            return d.size() >= n ? d : null;
        });
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> names = new TreeSet<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        return names;
    }

    @Test
    void everyStatusChangeArrivesInOrderWithTheReferencesPayload() throws Exception {
        SimHttp http = start(WebhookReceiver.answering(200), SimConfig.builder().timeScale(0.001));
        String ref = http.recharge("0612345678", "Inwi", 10, "WH-1").json().get("ref_interne").asText();

        List<WebhookReceiver.Delivery> d = awaitDeliveries(3);
        assertThat(d).hasSize(3);
        List<String> events = new ArrayList<>();
        for (WebhookReceiver.Delivery delivery : d) {
            JsonNode p = delivery.json();
            events.add(p.get("event").asText() + " " + p.get("status_code_old") + "->" + p.get("status_code_new"));
            assertThat(fieldNames(p)).containsExactlyInAnyOrder("event", "client_code", "status_code_old",
                    "status_code_new", "recharge");
            assertThat(p.get("client_code").asText()).isEqualTo("API-DEMO-0001");
            JsonNode r = p.get("recharge");
            assertThat(fieldNames(r)).containsExactlyInAnyOrder("ref_interne", "external_reference", "phone", "operator",
                    "value", "type", "billing_amount", "created_at", "executed_at");
            assertThat(r.get("ref_interne").asText()).isEqualTo(ref);
            assertThat(r.get("external_reference").asText()).isEqualTo("WH-1");
            assertThat(r.get("phone").asText()).isEqualTo("0612345678");
            assertThat(r.get("operator").asText()).isEqualTo("Inwi");
            assertThat(r.get("value").isNumber()).isTrue();
            assertThat(r.get("type").isTextual()).isTrue();
            assertThat(r.get("billing_amount").decimalValue()).isEqualByComparingTo("9.35");
            assertThat(r.get("created_at").asText()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
            assertThat(delivery.headers().getFirst("Content-Type")).isEqualTo("application/json");
        }
        assertThat(events).containsExactly("recharge.created null->1", "recharge.status_changed 1->2",
                "recharge.status_changed 2->3");
        assertThat(d.get(2).json().get("recharge").get("executed_at").asText()).isNotEmpty();
        assertThat(d.get(0).json().get("recharge").get("executed_at").isNull()).isTrue();
    }

    @Test
    void everyWebhookIsSignedWithTheApiSecret() throws Exception {
        SimHttp http = start(WebhookReceiver.answering(200), SimConfig.builder().timeScale(0.001).secret("s3cret"));
        http.recharge("0612340001", "Orange", 20, "SIG-1");
        WebhookReceiver.Delivery d = awaitDeliveries(1).get(0);
        String timestamp = d.headers().getFirst("X-Webhook-Timestamp");
        String signature = d.headers().getFirst("X-Webhook-Signature");
        assertThat(timestamp).matches("\\d{10}");
        assertThat(Long.parseLong(timestamp)).isCloseTo(Instant.now().getEpochSecond(),
                org.assertj.core.data.Offset.offset(5L));
        assertThat(signature).matches("[0-9a-f]{64}");

        new MoroccoTopupSignature("s3cret").verify(timestamp, signature, d.body(), Clock.systemUTC(), Duration.ofMinutes(5));
        assertThatThrownBy(() -> new MoroccoTopupSignature("demo-secret").verify(timestamp, signature, d.body(),
                Clock.systemUTC(), null)).isInstanceOf(SignatureException.class);
    }

    @Test
    void sandboxRechargesSendWebhooksToo() throws Exception {
        SimHttp http = start(WebhookReceiver.answering(200), SimConfig.builder().timeScale(0.001));
        http.postSandbox("/recharge", SimHttp.rechargeBody("0612340001", "Inwi", 10, "SB-WH"));
        JsonNode p = awaitDeliveries(1).get(0).json();
        assertThat(p.get("recharge").get("ref_interne").asText()).startsWith("SBX-");
    }

    @Test
    void theUrlSetThroughPostWebhookReceivesTheEvents() throws Exception {
        receiver = WebhookReceiver.answering(204);
        sim = Simulator.start(SimConfig.builder().timeScale(0.001).build());
        SimHttp http = new SimHttp(sim);
        http.recharge("0612340001", "Inwi", 10, "NO-URL");
        assertThat(http.post("/webhook", "{\"webhook_url\":\"" + receiver.url() + "\"}").status()).isEqualTo(200);
        http.recharge("0612340001", "Inwi", 10, "WITH-URL");
        JsonNode p = awaitDeliveries(1).get(0).json();
        assertThat(p.get("recharge").get("external_reference").asText()).isEqualTo("WITH-URL");
        Eventually.await(Duration.ofSeconds(30), "attempt logged",
                () -> http.simGet("/_sim/webhooks").json().size() == 1);
        assertThat(http.simGet("/_sim/webhooks").json().get(0).get("http_status").asInt()).isEqualTo(204);
        assertThat(receiver.deliveries()).hasSize(1);
    }

    @Test
    void aReceiverAnswering401SeesTheRetriesOnTheScaledSchedule() throws Exception {
        double scale = 0.0001;
        SimHttp http = start(WebhookReceiver.answering(401), SimConfig.builder().timeScale(scale));
        http.recharge("0612340001", "Inwi", 10, "RETRY");

        List<WebhookReceiver.Delivery> d = awaitDeliveries(7);
        JsonNode attempts = Eventually.awaitValue(Duration.ofSeconds(30), "7 attempts logged", () -> {
            JsonNode a = http.simGet("/_sim/webhooks").json();
            return a.size() >= 7 ? a : null;
        });
        long[] expectedMs = {60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000};
        for (int i = 1; i < 7; i++) {
            long gapNanos = d.get(i).receivedNanos() - d.get(i - 1).receivedNanos();
            long expectedNanos = (long) (expectedMs[i - 1] * 1_000_000 * scale);
            assertThat(gapNanos).as("gap before attempt " + (i + 1)).isGreaterThanOrEqualTo(expectedNanos - 2_000_000);
        }
        assertThat(d.get(6).body()).isEqualTo(d.get(0).body());
        String eventId = attempts.get(0).get("event_id").asText();
        for (int i = 0; i < 7; i++) {
            JsonNode a = attempts.get(i);
            assertThat(a.get("event_id").asText()).isEqualTo(eventId);
            assertThat(a.get("event").asText()).isEqualTo("recharge.created");
            assertThat(a.get("attempt").asInt()).isEqualTo(i + 1);
            assertThat(a.get("http_status").asInt()).isEqualTo(401);
            assertThat(Instant.parse(a.get("at").asText())).isNotNull();
        }
        // six retries and no more: nothing comes in the time another retry would have taken
        long lastGapNanos = (long) (expectedMs[5] * 1_000_000 * scale);
        Eventually.await(Duration.ofSeconds(30), "the time of an eighth attempt to pass",
                () -> System.nanoTime() - d.get(6).receivedNanos() > lastGapNanos);
        assertThat(receiver.deliveries()).hasSize(7);
    }

    @Test
    void retriesStopAtTheFirst2xx() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        SimHttp http = start(new WebhookReceiver(() -> calls.incrementAndGet() <= 2 ? 500 : 200),
                SimConfig.builder().timeScale(0.0002));
        http.recharge("0612340001", "Inwi", 10, "RETRY-OK");
        awaitDeliveries(3);
        JsonNode attempts = Eventually.awaitValue(Duration.ofSeconds(30), "3 attempts", () -> {
            JsonNode a = http.simGet("/_sim/webhooks").json();
            return a.size() >= 3 ? a : null;
        });
        assertThat(attempts.findValuesAsText("http_status")).containsExactly("500", "500", "200");
        Eventually.await(Duration.ofSeconds(30), "the 60 ms retry window passes", () ->
                System.nanoTime() - receiver.deliveries().get(2).receivedNanos() > 100_000_000L);
        assertThat(receiver.deliveries()).hasSize(3);
    }

    @Test
    void noAnswerIsRecordedWithoutStatusAndRetriedWhileTheApiStaysFast() throws Exception {
        SimHttp http = start(WebhookReceiver.answering(WebhookReceiver.NO_ANSWER),
                SimConfig.builder().timeScale(0.0002).webhookTimeout(Duration.ofSeconds(3)));
        long t0 = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThat(http.recharge("0612340001", "Inwi", 10, "SLOW-" + i).status()).isEqualTo(200);
        }
        // had the API waited for its webhooks, this would have taken fifteen seconds; a loaded machine
        // still answers five recharges well inside ten
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
        JsonNode first = Eventually.awaitValue(Duration.ofSeconds(30), "an attempt without answer", () -> {
            JsonNode a = http.simGet("/_sim/webhooks").json();
            return a.size() >= 1 ? a.get(0) : null;
        });
        assertThat(first.get("http_status").isNull()).isTrue();
        assertThat(first.get("error").asText()).contains("timeout");
        awaitDeliveries(6);
    }

    @Test
    void anUnreachableUrlIsRecordedAndRetried() throws Exception {
        receiver = WebhookReceiver.answering(200);
        String deadUrl = receiver.url();
        receiver.close();
        sim = Simulator.start(SimConfig.builder().timeScale(0.0001).webhookUrl(deadUrl).build());
        SimHttp http = new SimHttp(sim);
        http.recharge("0612340001", "Inwi", 10, "DEAD");
        JsonNode attempts = Eventually.awaitValue(Duration.ofSeconds(30), "7 attempts", () -> {
            JsonNode a = http.simGet("/_sim/webhooks").json();
            return a.size() >= 7 ? a : null;
        });
        for (JsonNode a : attempts) {
            assertThat(a.get("http_status").isNull()).isTrue();
            assertThat(a.get("error").asText()).isNotBlank();
        }
    }
}
