package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.testing.Eventually;
import ma.hanout.webhook.IndependentHmac;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path as it runs in a shop: the simulator sends its signed webhooks (with duplicates
 * injected) to the real relay process, and a terminal's subscriber receives every status change
 * once, verified end to end; forged, tampered, stale and oversized deliveries are refused.
 */
class RelayEndToEndTest {
    private static final String SECRET = SimConfig.DEFAULT_SECRET;
    private static final String TOKEN = "terminal-1";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    Path dir;

    @Test
    void everyStatusChangeFromTheSimulatorReachesTheSubscriberOnceAndForgeriesDoNot() throws Exception {
        try (RelayProcess relay = RelayProcess.start(dir.resolve("relay.log"), "relay", "--port", "0", "--db",
                dir.resolve("relay.db").toString(), "--secret", SECRET, "--token", TOKEN, "--tolerance", "300")) {
            RecordingSinks sinks = new RecordingSinks();
            try (RelaySubscriber subscriber = sinks.subscribe(RelaySubscriberConfig.of(relay.uri, TOKEN,
                    Optional.of(SECRET)).withBackoff(Duration.ofMillis(50), Duration.ofMillis(300)));
                    Simulator sim = Simulator.start(SimConfig.builder().timeScale(0.001)
                            .webhookUrl(relay.uri + "/hooks/moroccotopup").faults("webhook-dup=0.3").seed(7L).build())) {
                Eventually.await(Duration.ofSeconds(30), "subscribed", () -> subscriber.state() == RelayConnectionState.CONNECTED);
                String[] phones = {"0612345678", "0612340004", "0612340011", "0612340006", "0661112233", "0612340020",
                    "0700123456", "0612340012"};
                for (int i = 0; i < phones.length; i++) {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/recharge"))
                            .header("Content-Type", "application/json")
                            .header("X-Client-Code", SimConfig.DEFAULT_CLIENT_CODE)
                            .header("X-Api-Key", SimConfig.DEFAULT_API_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phones[i]
                                    + "\",\"operator\":\"Inwi\",\"value\":10,\"type\":\"6\",\"external_reference\":\"E2E-" + i
                                    + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                }

                // every event the simulator sent, each acknowledged by the relay, reaches the subscriber once
                Eventually.await(Duration.ofSeconds(30), "every event delivered", () -> {
                    JsonNode attempts = simGet(sim, "/_sim/webhooks");
                    Set<String> events = new HashSet<>();
                    Set<String> acknowledged = new HashSet<>();
                    for (JsonNode a : attempts) {
                        events.add(a.get("event_id").asText());
                        if (a.path("http_status").asInt() == 200) {
                            acknowledged.add(a.get("event_id").asText());
                        }
                    }
                    return events.size() >= phones.length * 3 && acknowledged.equals(events)
                            && sinks.recharges.size() == events.size() && finalStatusesReached(sim, sinks);
                });
                assertThat(sinks.recharges).allMatch(RechargeEvent::verified);
                // exactly the changes the simulator sent: one per event, whatever the duplicates
                Map<String, String> sent = new HashMap<>();
                for (JsonNode a : simGet(sim, "/_sim/webhooks")) {
                    sent.put(a.get("event_id").asText(), a.get("external_reference").asText() + " "
                            + a.get("status_code_old").asText() + "->" + a.get("status_code_new").asText());
                }
                assertThat(sinks.recharges).extracting(e -> e.externalReference().orElseThrow() + " "
                        + e.oldStatus().map(st -> Integer.toString(st.code())).orElse("null") + "->"
                        + e.newStatus().orElseThrow().code()).containsExactlyInAnyOrderElementsOf(sent.values());
                // the injected duplicates did reach the relay, and were stored once
                String metrics = new RelayClient(relay.uri).get("/metrics").body();
                java.util.regex.Matcher dups = java.util.regex.Pattern
                        .compile("hanout_relay_events_duplicate_total\\{source=\"moroccotopup\"} (\\d+)").matcher(metrics);
                assertThat(dups.find()).isTrue();
                assertThat(Long.parseLong(dups.group(1))).isPositive();
                assertThat(sinks.recharges).extracting(RechargeEvent::streamId).doesNotHaveDuplicates();
                Map<String, List<RechargeEvent>> byRef = new HashMap<>();
                for (RechargeEvent e : sinks.recharges) {
                    byRef.computeIfAbsent(e.externalReference().orElseThrow(), k -> new ArrayList<>()).add(e);
                }
                assertThat(byRef).hasSize(phones.length);
                for (List<RechargeEvent> chain : byRef.values()) {
                    assertThat(chain.get(0).type()).isEqualTo("recharge.created");
                    for (int i = 1; i < chain.size(); i++) {
                        // each change starts where the previous one ended: none missing, none repeated
                        assertThat(chain.get(i).oldStatus()).isEqualTo(chain.get(i - 1).newStatus());
                    }
                }

                // forged, tampered, stale and oversized deliveries are refused and never reach the terminal
                int before = sinks.recharges.size();
                RelayClient client = new RelayClient(relay.uri);
                String body = RelayClient.rechargeBody("E2E-0", 2, 3);
                long now = System.currentTimeMillis() / 1000;
                assertThat(client.postMoroccoTopup("not-the-secret", body, now).statusCode()).isEqualTo(401);
                assertThat(client.post("/hooks/moroccotopup", body.replace("\"status_code_new\":3", "\"status_code_new\":11"),
                        "X-Webhook-Timestamp", Long.toString(now), "X-Webhook-Signature",
                        IndependentHmac.hex(SECRET, now + "." + body)).statusCode()).isEqualTo(401);
                HttpResponse<String> stale = client.postMoroccoTopup(SECRET, body, now - 400);
                assertThat(stale.statusCode()).isEqualTo(401);
                assertThat(RelayClient.json(stale.body()).get("reason").asText()).isEqualTo("stale");
                byte[] big = new byte[(1 << 20) + 1];
                java.util.Arrays.fill(big, (byte) 'x');
                assertThat(client.post("/hooks/moroccotopup", big, "X-Webhook-Timestamp", Long.toString(now),
                        "X-Webhook-Signature", "0".repeat(64)).statusCode()).isEqualTo(413);
                // a genuine one after them still flows, so the refusals were not just a stalled stream
                assertThat(client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("E2E-after", 1, 2), now).statusCode())
                        .isEqualTo(200);
                Eventually.await(Duration.ofSeconds(30), "the genuine one", () -> sinks.recharges.size() == before + 1);
                assertThat(sinks.recharges.get(before).externalReference()).contains("E2E-after");
                assertThat(subscriber.rejectedEvents()).isZero();
            }
        }
    }

    private static boolean finalStatusesReached(Simulator sim, RecordingSinks sinks) {
        Map<String, RechargeStatus> last = new HashMap<>();
        for (RechargeEvent e : sinks.recharges) {
            e.newStatus().ifPresent(s -> last.put(e.externalReference().orElseThrow(), s));
        }
        for (JsonNode r : simGet(sim, "/_sim/recharges")) {
            RechargeStatus expected = RechargeStatus.of(r.get("status_code").asInt());
            if (!expected.equals(last.get(r.get("external_reference").asText()))) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode simGet(Simulator sim, String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(sim.rootUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return RelayClient.json(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
