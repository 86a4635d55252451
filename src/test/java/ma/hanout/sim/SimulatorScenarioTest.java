package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.domain.RechargeStatus;
import ma.hanout.testing.Eventually;

/** Scenarios by phone number (DESIGN section 3, README): the statuses a recharge goes through, and their pace. */
class SimulatorScenarioTest {
    private static Simulator sim;
    private static SimHttp http;

    @BeforeAll
    static void start() throws Exception {
        sim = Simulator.start(SimConfig.builder().timeScale(0.001).build());
        http = new SimHttp(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    /** The statuses the recharge went through, once it has reached {@code last}. */
    private static List<Integer> timelineEndingIn(String ref, int last) {
        return Eventually.awaitValue(Duration.ofSeconds(30), ref + " reaches " + last, () -> {
            for (JsonNode r : http.simGet("/_sim/recharges").json()) {
                if (ref.equals(r.get("external_reference").asText()) && r.get("status_code").asInt() == last) {
                    List<Integer> codes = new ArrayList<>();
                    r.get("statuses").forEach(s -> codes.add(s.get("code").asInt()));
                    return codes;
                }
            }
            return null;
        });
    }

    @Test
    void anOrdinaryNumberGoesQueuedInProgressDone() {
        assertThat(http.recharge("0612345678", "Inwi", 10, "ORD").json().get("status_code").asInt()).isEqualTo(1);
        assertThat(timelineEndingIn("ORD", 3)).containsExactly(1, 2, 3);
    }

    @Test
    void lastFourDigits00NNEndInStatusNNForEveryCodeOfTheTable() {
        for (int code : RechargeStatus.KNOWN_CODES) {
            String phone = String.format("061234%04d", code);
            http.recharge(phone, "Orange", 10, "S-" + code);
        }
        for (int code : RechargeStatus.KNOWN_CODES) {
            List<Integer> timeline = timelineEndingIn("S-" + code, code);
            if (code == 1) {
                assertThat(timeline).containsExactly(1);
            } else if (code == 2) {
                assertThat(timeline).containsExactly(1, 2);
            } else {
                assertThat(timeline).as("code " + code).containsExactly(1, 2, code);
            }
        }
    }

    @Test
    void theReferenceExampleNumberEndingIn0004EndsInLineDoesNotExist() {
        http.recharge("0612340004", "Inwi", 10, "S-EX");
        assertThat(timelineEndingIn("S-EX", 4)).containsExactly(1, 2, 4);
    }

    @Test
    void lastFourDigits01NNFailThenEndTheSecondAttemptInNN() {
        http.recharge("0612340103", "Inwi", 10, "SEC-3");
        http.recharge("0612340110", "Inwi", 10, "SEC-10");
        assertThat(timelineEndingIn("SEC-3", 3)).containsExactly(1, 2, 6, 21, 22, 3);
        assertThat(timelineEndingIn("SEC-10", 10)).containsExactly(1, 2, 6, 21, 22, 10);
    }

    @Test
    void codesOutsideTheTableAreOrdinaryNumbers() {
        http.recharge("0612340013", "Inwi", 10, "S-13");
        http.recharge("0612340199", "Inwi", 10, "S-199");
        assertThat(timelineEndingIn("S-13", 3)).containsExactly(1, 2, 3);
        assertThat(timelineEndingIn("S-199", 3)).containsExactly(1, 2, 3);
    }

    @Test
    void number0612349999IsAppliedButNeverAnswered() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest send = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/recharge"))
                .timeout(Duration.ofSeconds(2)) // long enough for a loaded machine to deliver the request
                .header("X-Client-Code", "API-DEMO-0001").header("X-Api-Key", "demo-key")
                .POST(HttpRequest.BodyPublishers.ofString(SimHttp.rechargeBody("0612349999", "Inwi", 10, "LOST-1")))
                .build();
        assertThatThrownBy(() -> client.send(send, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        JsonNode found = http.get("/recharge/by-ref/LOST-1").json();
        assertThat(found.get("ref_interne").asText()).matches("\\d{15}");
        assertThat(timelineEndingIn("LOST-1", 3)).containsExactly(1, 2, 3);
        // the held connection does not stop the simulator from answering others
        assertThat(http.get("/me").status()).isEqualTo(200);
    }

    @Test
    void delaysFollowTheTimeScale() throws Exception {
        try (Simulator slower = Simulator.start(SimConfig.builder().timeScale(0.05).build())) {
            SimHttp h = new SimHttp(slower);
            h.recharge("0612345678", "Inwi", 10, "PACE");
            JsonNode r = Eventually.awaitValue(Duration.ofSeconds(30), "PACE done", () -> {
                JsonNode all = h.simGet("/_sim/recharges").json();
                return all.get(0).get("status_code").asInt() == 3 ? all.get(0) : null;
            });
            List<Instant> at = new ArrayList<>();
            r.get("statuses").forEach(s -> at.add(Instant.parse(s.get("at").asText())));
            // 1 s and 2 s at scale 1, so 50 ms and 100 ms here
            assertThat(Duration.between(at.get(0), at.get(1))).isBetween(Duration.ofMillis(45), Duration.ofSeconds(5));
            assertThat(Duration.between(at.get(1), at.get(2))).isBetween(Duration.ofMillis(95), Duration.ofSeconds(5));
        }
    }
}
