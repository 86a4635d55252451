package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.testing.Eventually;

/**
 * Fault injection as DESIGN section 3 describes it: each kind on the recharge endpoints, lookups
 * answering normally, latency everywhere, and the same faults again with the same seed.
 */
class SimulatorFaultsTest {
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Simulator sim;
    private SimHttp http;

    private SimHttp start(String faults, long seed) throws Exception {
        sim = Simulator.start(SimConfig.builder().timeScale(0.001).faults(faults).seed(seed).build());
        http = new SimHttp(sim);
        return http;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private HttpResponse<String> sendRecharge(String path, String body, Duration timeout) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .timeout(timeout)
                .header("X-Client-Code", "API-DEMO-0001").header("X-Api-Key", "demo-key")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void timeoutAppliesTheRechargeAndNeverAnswers() throws Exception {
        start("timeout=1", 1);
        // 2 s: long enough for a loaded machine to deliver the request that the simulator then holds
        assertThatThrownBy(() -> sendRecharge("/recharge", SimHttp.rechargeBody("0612345678", "Inwi", 10, "TO-1"),
                Duration.ofSeconds(2))).isInstanceOf(HttpTimeoutException.class);
        JsonNode r = http.get("/recharge/by-ref/TO-1").json();
        assertThat(r.get("ref_interne").asText()).matches("\\d{15}");
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("990.65");
        assertThat(http.get("/history").json().get("pagination").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void aHeldRequestTakesNoServerThread() throws Exception {
        start("timeout=1", 1);
        List<Thread> senders = new ArrayList<>();
        int held = 3 * Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < held; i++) {
            String ref = "HELD-" + i;
            Thread t = new Thread(() -> {
                try {
                    // the client waits longer than the test: a loaded machine must not give up before the send
                    sendRecharge("/recharge", SimHttp.rechargeBody("0612345678", "Inwi", 1, ref), Duration.ofSeconds(60));
                } catch (Exception expected) {
                    // the client gives up
                }
            });
            t.start();
            senders.add(t);
        }
        Eventually.await(Duration.ofSeconds(30), "every held recharge applied",
                () -> http.simGet("/_sim/recharges").json().size() == held);
        // more requests held than the server has threads, and it still answers
        assertThat(http.get("/me").status()).isEqualTo(200);
        sim.close();
        for (Thread t : senders) {
            t.join(30_000);
        }
    }

    @Test
    void errorBeforeAnswers500AndAppliesNothing() throws Exception {
        start("error-before=1", 1);
        SimHttp.Answer a = http.recharge("0612345678", "Inwi", 10, "EB-1");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(http.get("/recharge/by-ref/EB-1").code()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("1000");
        SimHttp.Answer bulk = http.post("/recharge/bulk", "{\"items\":[" + SimHttp.rechargeBody("0612345678", "Inwi", 10, "EB-2") + "]}");
        assertThat(bulk.status()).isEqualTo(500);
        assertThat(http.simGet("/_sim/recharges").json()).isEmpty();
    }

    @Test
    void errorAfterAppliesTheRechargeThenAnswers500() throws Exception {
        start("error-after=1", 1);
        SimHttp.Answer a = http.recharge("0612345678", "Inwi", 10, "EA-1");
        assertThat(a.status()).isEqualTo(500);
        assertThat(a.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(http.get("/recharge/by-ref/EA-1").status()).isEqualTo(200);
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("990.65");
        // the engine's resend of the same reference meets the first one
        assertThat(http.recharge("0612345678", "Inwi", 10, "EA-1").status()).isEqualTo(500);
        assertThat(http.simGet("/_sim/recharges").json()).hasSize(1);
    }

    @Test
    void resetAppliesTheRechargeThenDropsTheConnection() throws Exception {
        start("reset=1", 1);
        assertThatThrownBy(() -> sendRecharge("/recharge", SimHttp.rechargeBody("0612345678", "Inwi", 10, "RS-1"),
                Duration.ofSeconds(5))).isInstanceOf(IOException.class).isNotInstanceOf(HttpTimeoutException.class);
        assertThat(http.get("/recharge/by-ref/RS-1").status()).isEqualTo(200);
        assertThatThrownBy(() -> sendRecharge("/recharge/bulk",
                "{\"items\":[" + SimHttp.rechargeBody("0612345678", "Inwi", 10, "RS-2") + "]}", Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);
        assertThat(http.get("/recharge/by-ref/RS-2").status()).isEqualTo(200);
    }

    @Test
    void faultsSpareLookupsHistoryAndTheOtherEndpoints() throws Exception {
        start("error-before=1", 1);
        assertThat(http.get("/me").status()).isEqualTo(200);
        assertThat(http.get("/balance").status()).isEqualTo(200);
        assertThat(http.get("/prices").status()).isEqualTo(200);
        assertThat(http.get("/history").status()).isEqualTo(200);
        assertThat(http.get("/recharge/by-ref/X").code()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/recharge/by-id/1").code()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/webhook").status()).isEqualTo(200);
        assertThat(http.post("/webhook", "{\"webhook_url\":\"http://127.0.0.1:9/h\"}").status()).isEqualTo(200);
    }

    @Test
    void latencyIsAddedBeforeEveryApiAnswerButNotTheSimEndpoints() throws Exception {
        start("latency=800ms", 1);
        for (Runnable call : List.<Runnable>of(() -> http.get("/me"), () -> http.get("/recharge/by-ref/X"),
                () -> http.recharge("0612345678", "Inwi", 10, null), () -> http.getSandbox("/health"))) {
            long t0 = System.nanoTime();
            call.run();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(800));
        }
        // 800 ms of latency against a local call that takes a few: the fastest of three, so that one
        // pause of a loaded machine (GC, descheduling) is not taken for the latency; with the latency
        // added to the sim endpoints every one of them would take 800 ms
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            http.simGet("/_sim/recharges");
            fastest = Math.min(fastest, System.nanoTime() - t0);
        }
        assertThat(Duration.ofNanos(fastest)).isLessThan(Duration.ofMillis(800));
    }

    /**
     * What struck each of 24 recharges sent one after the other. A held request is known from the
     * simulator's record (its {@code fault}), not from a client timeout, so a slow machine cannot
     * pass a late answer off as a fault.
     */
    private List<String> outcomes(String tag) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String ref = tag + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/recharge"))
                    .header("X-Client-Code", "API-DEMO-0001").header("X-Api-Key", "demo-key")
                    .POST(HttpRequest.BodyPublishers.ofString(SimHttp.rechargeBody("0612345678", "Inwi", 1, ref)))
                    .build();
            CompletableFuture<HttpResponse<String>> answer = CLIENT.sendAsync(request,
                    HttpResponse.BodyHandlers.ofString());
            out.add(Eventually.awaitValue(Duration.ofSeconds(30), ref + " answered or held", () -> {
                if (answer.isDone()) {
                    // the record, if any, exists by the time any answer has come
                    boolean applied = recordOf(ref) != null;
                    return answer.isCompletedExceptionally() ? "reset"
                            : answer.join().statusCode() + (applied ? " applied" : "");
                }
                JsonNode record = recordOf(ref);
                if (record != null && "timeout".equals(record.path("fault").asText(null))) {
                    answer.cancel(true);
                    return "timeout";
                }
                return null;
            }));
        }
        return out;
    }

    private JsonNode recordOf(String ref) {
        for (JsonNode r : http.simGet("/_sim/recharges").json()) {
            if (ref.equals(r.path("external_reference").asText())) {
                return r;
            }
        }
        return null;
    }

    @Test
    void theSameSeedGivesTheSameFaults() throws Exception {
        String spec = "timeout=0.1,error-before=0.2,error-after=0.2,reset=0.2";
        start(spec, 42);
        List<String> first = outcomes("A");
        assertThat(first).contains("200 applied", "500", "500 applied", "reset", "timeout");
        sim.close();

        start(spec, 42);
        assertThat(outcomes("B")).isEqualTo(first);

        // replacing the faults restarts the draws from the seed
        assertThat(http.simPost("/_sim/faults", "{\"faults\":\"" + spec + "\"}").status()).isEqualTo(200);
        assertThat(outcomes("C")).isEqualTo(first);
        sim.close();

        start(spec, 7);
        assertThat(outcomes("D")).isNotEqualTo(first);
    }

    @Test
    void simFaultsReplacesAndClearsTheList() throws Exception {
        start("", 1);
        SimHttp.Answer set = http.simPost("/_sim/faults", "{\"faults\":\"error-before=1\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("faults").asText()).isEqualTo("error-before=1");
        assertThat(http.recharge("0612345678", "Inwi", 10, null).status()).isEqualTo(500);
        assertThat(http.simGet("/_sim/faults").json().get("faults").asText()).isEqualTo("error-before=1");

        assertThat(http.simPost("/_sim/faults", "{\"faults\":\"\"}").json().get("faults").asText()).isEmpty();
        assertThat(http.recharge("0612345678", "Inwi", 10, null).status()).isEqualTo(200);

        assertThat(http.simPost("/_sim/faults", "{\"faults\":\"reset=0.5\",\"seed\":9}").json().get("seed").asLong())
                .isEqualTo(9);
    }

    @Test
    void aBadSpecOnSimFaultsIs400AndKeepsTheCurrentFaults() throws Exception {
        start("error-before=1", 1);
        for (String body : new String[] {"{\"faults\":\"bogus=1\"}", "{\"faults\":\"timeout=2\"}", "{\"faults\":3}",
            "{}", "", "nope"}) {
            SimHttp.Answer a = http.simPost("/_sim/faults", body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.code()).as(body).isIn("INVALID_FAULTS", "INVALID_PAYLOAD", "INVALID_JSON");
        }
        assertThat(http.simPost("/_sim/faults", "{\"faults\":\"bogus=1\"}").message()).contains("unknown fault 'bogus'");
        assertThat(http.simGet("/_sim/faults").json().get("faults").asText()).isEqualTo("error-before=1");
    }

    private List<String> receivedEvents(WebhookReceiver receiver, int n) {
        return Eventually.awaitValue(Duration.ofSeconds(30), n + " webhooks", () -> {
            List<WebhookReceiver.Delivery> d = receiver.deliveries();
            if (d.size() < n) {
                return null;
            }
            List<String> out = new ArrayList<>();
            d.forEach(x -> out.add(x.json().get("event").asText() + ":" + x.json().get("status_code_new").asInt()));
            return out;
        });
    }

    private SimHttp startWithWebhooks(WebhookReceiver receiver, String faults) throws Exception {
        sim = Simulator.start(SimConfig.builder().timeScale(0.01).faults(faults).seed(1)
                .webhookUrl(receiver.url()).build());
        http = new SimHttp(sim);
        return http;
    }

    @Test
    void webhookDropSendsNothing() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            startWithWebhooks(receiver, "webhook-drop=1");
            http.recharge("0612345678", "Inwi", 10, "DROP");
            Eventually.await(Duration.ofSeconds(30), "recharge done",
                    () -> http.get("/recharge/by-ref/DROP").json().get("status_code").asInt() == 3);
            assertThat(receiver.deliveries()).isEmpty();
            assertThat(http.simGet("/_sim/webhooks").json()).isEmpty();
        }
    }

    @Test
    void webhookDupSendsEveryEventTwiceWithOneEventId() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            startWithWebhooks(receiver, "webhook-dup=1");
            http.recharge("0612340001", "Inwi", 10, "DUP");
            assertThat(receivedEvents(receiver, 2)).containsExactly("recharge.created:1", "recharge.created:1");
            JsonNode attempts = Eventually.awaitValue(Duration.ofSeconds(30), "2 attempts", () -> {
                JsonNode a = http.simGet("/_sim/webhooks").json();
                return a.size() >= 2 ? a : null;
            });
            assertThat(attempts.get(0).get("event_id").asText()).isEqualTo(attempts.get(1).get("event_id").asText());
            assertThat(attempts.findValuesAsText("duplicate")).containsExactlyInAnyOrder("false", "true");
        }
    }

    @Test
    void webhookReorderSendsAnEventAfterTheNextOne() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            startWithWebhooks(receiver, "webhook-reorder=1");
            http.recharge("0612345678", "Inwi", 10, "REORDER");
            // created is held until 1->2 has gone; 2->3 is held in turn and goes when nothing follows
            assertThat(receivedEvents(receiver, 3)).containsExactly("recharge.status_changed:2", "recharge.created:1",
                    "recharge.status_changed:3");
        }
    }

    @Test
    void webhookDelayHoldsEveryWebhook() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            startWithWebhooks(receiver, "webhook-delay=300ms");
            long t0 = System.nanoTime();
            http.recharge("0612340001", "Inwi", 10, "DELAY");
            receivedEvents(receiver, 1);
            assertThat(receiver.deliveries().get(0).receivedNanos() - t0).isGreaterThanOrEqualTo(300_000_000L);
        }
    }
}
