package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.testing.Eventually;

/** The {@code /_sim} endpoints at the port's root (DESIGN section 4), answered without credentials. */
class SimTestEndpointsTest {
    private Simulator sim;
    private SimHttp http;

    @BeforeEach
    void start() throws Exception {
        sim = Simulator.start(SimConfig.builder().timeScale(0.001).build());
        http = new SimHttp(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void rechargesListsEveryRechargeOfBothEnvironmentsInOrder() {
        http.recharge("0612340001", "Inwi", 10, "P-1");
        http.postSandbox("/recharge", SimHttp.rechargeBody("0612340001", "Orange", 20, "S-1"));
        http.recharge("0612340001", "Maroc Telecom", 30, null);

        SimHttp.Answer a = http.simGet("/_sim/recharges");
        assertThat(a.status()).isEqualTo(200);
        JsonNode all = a.json();
        assertThat(all.isArray()).isTrue();
        assertThat(all).hasSize(3);
        assertThat(all.get(0).get("external_reference").asText()).isEqualTo("P-1");
        assertThat(all.get(0).get("ref_interne").asText()).matches("\\d{15}");
        assertThat(all.get(0).get("status_code").asInt()).isEqualTo(1);
        assertThat(all.get(0).get("created_at").asText()).isNotBlank();
        assertThat(all.get(0).get("sandbox").isBoolean()).isTrue();
        assertThat(all.get(0).get("sandbox").asBoolean()).isFalse();
        assertThat(all.get(1).get("sandbox").asBoolean()).isTrue();
        assertThat(all.get(1).get("ref_interne").asText()).startsWith("SBX-");
        assertThat(all.get(2).get("external_reference").isNull()).isTrue();
    }

    @Test
    void webhooksListsEveryAttemptWithItsEventId() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            http.simPost("/_sim/account", "{\"webhook_url\":\"" + receiver.url() + "\"}");
            http.recharge("0612345678", "Inwi", 10, "W-1");
            JsonNode attempts = Eventually.awaitValue(Duration.ofSeconds(30), "3 attempts", () -> {
                JsonNode a = http.simGet("/_sim/webhooks").json();
                return a.size() >= 3 ? a : null;
            });
            assertThat(attempts.findValuesAsText("event")).containsExactly("recharge.created",
                    "recharge.status_changed", "recharge.status_changed");
            assertThat(attempts.findValuesAsText("event_id")).doesNotHaveDuplicates();
            for (JsonNode a : attempts) {
                assertThat(a.get("attempt").asInt()).isEqualTo(1);
                assertThat(a.get("http_status").asInt()).isEqualTo(200);
                assertThat(Instant.parse(a.get("at").asText())).isBeforeOrEqualTo(Instant.now());
                assertThat(a.get("external_reference").asText()).isEqualTo("W-1");
            }
        }
    }

    @Test
    void accountShowsAndChangesWhatATestNeeds() {
        JsonNode before = http.simGet("/_sim/account").json();
        assertThat(before.get("status").asText()).isEqualTo("active");
        assertThat(before.get("balance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(before.get("daily_limit").isNull()).isTrue();

        SimHttp.Answer set = http.simPost("/_sim/account", "{\"balance\":50.5,\"credit_limit\":20,\"daily_limit\":100,"
                + "\"ip_whitelist\":\"127.0.0.1\",\"webhook_url\":\"http://127.0.0.1:9/h\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("balance").decimalValue()).isEqualByComparingTo("50.5");
        JsonNode me = http.get("/me").json();
        assertThat(me.get("solde").decimalValue()).isEqualByComparingTo("50.5");
        assertThat(me.get("credit_limit").decimalValue()).isEqualByComparingTo("20");
        assertThat(me.get("ip_whitelist").asText()).isEqualTo("127.0.0.1");
        assertThat(me.get("webhook_url").asText()).isEqualTo("http://127.0.0.1:9/h");

        http.simPost("/_sim/account", "{\"daily_limit\":null,\"webhook_url\":null}");
        JsonNode after = http.simGet("/_sim/account").json();
        assertThat(after.get("daily_limit").isNull()).isTrue();
        assertThat(after.get("webhook_url").isNull()).isTrue();
        assertThat(after.get("balance").decimalValue()).isEqualByComparingTo("50.5");
    }

    @Test
    void aBadAccountChangeIs400AndChangesNothing() {
        for (String body : new String[] {"{\"status\":\"frozen\"}", "{\"balance\":\"lots\"}", "{\"balance\":1.005}",
            "{\"credit_limit\":-1}", "{\"daily_limit\":0}", "{\"ip_whitelist\":\"nope\"}", "{\"webhook_url\":\"ftp://x\"}",
            "{\"colour\":\"red\"}", "[]", "{\"balance\":5,\"status\":\"frozen\"}"}) {
            SimHttp.Answer a = http.simPost("/_sim/account", body);
            assertThat(a.status()).as(body).isEqualTo(400);
            assertThat(a.message()).as(body).isNotBlank();
        }
        assertThat(http.simGet("/_sim/account").json().get("balance").decimalValue()).isEqualByComparingTo("1000");
    }

    @Test
    void resetForgetsRechargesAndRestoresTheAccount() {
        http.recharge("0612340001", "Inwi", 10, "R-1");
        http.simPost("/_sim/account", "{\"status\":\"suspended\"}");
        assertThat(http.simPost("/_sim/reset", "").status()).isEqualTo(200);
        assertThat(http.simGet("/_sim/recharges").json()).isEmpty();
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(http.recharge("0612340001", "Inwi", 10, "R-1").status()).isEqualTo(200);
    }

    @Test
    void resetStopsTheScenariosOfForgottenRecharges() throws Exception {
        try (Simulator slow = Simulator.start(SimConfig.builder().timeScale(0.1).build())) {
            SimHttp h = new SimHttp(slow);
            h.recharge("0612340004", "Inwi", 10, "BEFORE");
            h.simPost("/_sim/reset", "");
            // a twin started later ends later: once it has been refunded, the forgotten one's refund time is past
            h.recharge("0612340004", "Inwi", 10, "AFTER");
            Eventually.await(Duration.ofSeconds(30), "AFTER fails",
                    () -> h.get("/recharge/by-ref/AFTER").json().get("status_code").asInt() == 4);
            assertThat(h.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("1000");
            assertThat(h.simGet("/_sim/recharges").json()).hasSize(1);
        }
    }
}
