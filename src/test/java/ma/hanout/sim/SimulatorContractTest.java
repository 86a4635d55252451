package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.domain.Money;
import ma.hanout.testing.Eventually;

/** Every endpoint answers with the reference's field names and JSON types, in production and in the sandbox. */
class SimulatorContractTest {
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

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
    void urlsPointAtTheApiPathOnLoopback() {
        assertThat(sim.port()).isPositive();
        assertThat(sim.rootUrl()).isEqualTo("http://127.0.0.1:" + sim.port());
        assertThat(sim.baseUrl()).isEqualTo(sim.rootUrl() + "/rest/V1/recharge-api");
        assertThat(sim.sandboxUrl()).isEqualTo(sim.baseUrl() + "/sandbox");
    }

    @Test
    void meShowsTheAccountWithSoldeAndDevise() {
        SimHttp.Answer a = http.get("/me");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode me = a.json();
        assertThat(me.get("client_id").isIntegralNumber()).isTrue();
        assertThat(me.get("name").isTextual()).isTrue();
        assertThat(me.get("code").asText()).isEqualTo("API-DEMO-0001");
        assertThat(me.get("type").asText()).isEqualTo("reseller");
        assertThat(me.get("status").asText()).isEqualTo("active");
        assertThat(me.get("solde").isNumber()).isTrue();
        assertThat(me.get("solde").decimalValue()).isEqualByComparingTo("1000");
        assertThat(me.get("devise").asText()).isEqualTo("MAD");
        assertThat(me.get("credit_limit").isNumber()).isTrue();
        assertThat(me.get("ip_whitelist").asText()).isEmpty();
        assertThat(me.has("webhook_url")).isTrue();
        assertThat(me.get("created_at").asText()).matches(DATE);
        assertThat(me.get("updated_at").asText()).matches(DATE);
    }

    @Test
    void balanceShowsBalanceDeviseAndCreditLimit() {
        JsonNode b = http.get("/balance").json();
        assertThat(b.get("balance").isNumber()).isTrue();
        assertThat(b.get("balance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(b.get("devise").asText()).isEqualTo("MAD");
        assertThat(b.get("credit_limit").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void pricesListEveryOperatorInLowerCaseWithItsMargin() {
        JsonNode p = http.get("/prices").json();
        assertThat(p.get("client_code").asText()).isEqualTo("API-DEMO-0001");
        assertThat(p.get("devise").asText()).isEqualTo("MAD");
        assertThat(p.get("prices")).hasSize(3);
        assertThat(p.get("prices").findValuesAsText("operator")).containsExactly("orange", "inwi", "maroc telecom");
        for (JsonNode price : p.get("prices")) {
            assertThat(price.get("margin_percent").isNumber()).isTrue();
        }
        assertThat(p.get("prices").get(0).get("margin_percent").decimalValue()).isEqualByComparingTo("6.5");
    }

    @Test
    void rechargeAnswersLikeTheReferenceExample() {
        SimHttp.Answer a = http.post("/recharge",
                "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"type\":\"6\",\"external_reference\":\"TEST-001\"}");
        assertThat(a.status()).isEqualTo(200);
        JsonNode r = a.json();
        assertThat(r.get("success").asBoolean()).isTrue();
        assertThat(r.get("status_code").isInt()).isTrue();
        assertThat(r.get("status_code").asInt()).isEqualTo(1);
        assertThat(r.get("ref_interne").isTextual()).isTrue();
        assertThat(r.get("ref_interne").asText()).matches("\\d{15}");
        assertThat(r.get("external_reference").asText()).isEqualTo("TEST-001");
        assertThat(r.get("value").isNumber()).isTrue();
        assertThat(r.get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(r.get("billing_amount").decimalValue()).isEqualByComparingTo("9.35");
        assertThat(r.get("balance_after").decimalValue()).isEqualByComparingTo("990.65");
    }

    @Test
    void byReferenceAnswersWithRefInterneAndById() {
        String ref = http.recharge("0612340001", "Orange", 20, "LOOK-1").json().get("ref_interne").asText();

        JsonNode byRef = http.get("/recharge/by-ref/LOOK-1").json();
        assertThat(byRef.get("ref_interne").asText()).isEqualTo(ref);
        assertThat(byRef.has("id")).isFalse();
        assertThat(byRef.get("external_reference").asText()).isEqualTo("LOOK-1");
        assertThat(byRef.get("phone").asText()).isEqualTo("0612340001");
        assertThat(byRef.get("operator").asText()).isEqualTo("Orange");
        assertThat(byRef.get("value").isNumber()).isTrue();
        assertThat(byRef.get("billing_amount").decimalValue()).isEqualByComparingTo("18.70");
        assertThat(byRef.get("type").isTextual()).isTrue();
        assertThat(byRef.get("type").asText()).isEqualTo("6");
        assertThat(byRef.get("status_code").asInt()).isEqualTo(1);
        assertThat(byRef.get("created_at").asText()).matches(DATE);
        assertThat(byRef.get("executed_at").isNull()).isTrue();

        JsonNode byId = http.get("/recharge/by-id/" + ref).json();
        assertThat(byId.get("id").asText()).isEqualTo(ref);
        assertThat(byId.has("ref_interne")).isFalse();
        assertThat(byId.get("external_reference").asText()).isEqualTo("LOOK-1");
        assertThat(byId.get("type").asText()).isEqualTo("6");
        assertThat(byId.get("status_code").asInt()).isEqualTo(1);
    }

    @Test
    void executedAtIsSetOnceTheRechargeHasAnOutcome() {
        String ref = http.recharge("0612345678", "Inwi", 10, "EXEC-1").json().get("ref_interne").asText();
        JsonNode done = Eventually.awaitValue(Duration.ofSeconds(30), "status 3", () -> {
            JsonNode r = http.get("/recharge/by-id/" + ref).json();
            return r.get("status_code").asInt() == 3 ? r : null;
        });
        assertThat(done.get("executed_at").asText()).matches(DATE);
    }

    @Test
    void referenceWithReservedCharactersIsFoundByItsEncodedForm() {
        http.recharge("0612340001", "Inwi", 10, "A+B/C 1");
        SimHttp.Answer a = http.get("/recharge/by-ref/A%2BB%2FC%201");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("external_reference").asText()).isEqualTo("A+B/C 1");
    }

    @Test
    void historyIsPaginatedNewestFirstInTheByIdShape() {
        for (int i = 1; i <= 5; i++) {
            http.recharge("0612340001", "Orange", 10, "H-" + i);
        }
        JsonNode page1 = http.get("/history?page=1&pageSize=2").json();
        assertThat(page1.get("items").findValuesAsText("external_reference")).containsExactly("H-5", "H-4");
        assertThat(page1.get("items").get(0).get("id").asText()).matches("\\d{15}");
        assertThat(page1.get("items").get(0).get("status_code").isInt()).isTrue();
        assertThat(page1.get("pagination").get("page").asInt()).isEqualTo(1);
        assertThat(page1.get("pagination").get("page_size").asInt()).isEqualTo(2);
        assertThat(page1.get("pagination").get("total").asInt()).isEqualTo(5);
        JsonNode page3 = http.get("/history?page=3&pageSize=2").json();
        assertThat(page3.get("items").findValuesAsText("external_reference")).containsExactly("H-1");
        JsonNode beyond = http.get("/history?page=9&pageSize=2").json();
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("pagination").get("total").asInt()).isEqualTo(5);
    }

    @Test
    void historyDefaultsToPageOneOfTwentyAndCapsThePageSize() {
        JsonNode h = http.get("/history").json();
        assertThat(h.get("pagination").get("page").asInt()).isEqualTo(1);
        assertThat(h.get("pagination").get("page_size").asInt()).isEqualTo(20);
        assertThat(http.get("/history?pageSize=5000").json().get("pagination").get("page_size").asInt())
                .isEqualTo(HistoryRoute.MAX_PAGE_SIZE);
    }

    @Test
    void bulkAnswersEachItemWithSuccessOrItsErrorAndTheBalance() throws Exception {
        sim.close();
        sim = Simulator.start(SimConfig.builder().timeScale(0.001).balance(Money.ofMad(15)).build());
        http = new SimHttp(sim);
        SimHttp.Answer a = http.post("/recharge/bulk", "{\"items\":["
                + "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"type\":\"6\",\"external_reference\":\"BULK-001\"},"
                + "{\"phone\":\"0612345679\",\"operator\":\"Orange\",\"value\":20,\"type\":\"0\",\"external_reference\":\"BULK-002\"},"
                + "{\"phone\":\"0612345679\",\"operator\":\"orange\",\"value\":1,\"external_reference\":\"BULK-003\"}]}");
        assertThat(a.status()).isEqualTo(200);
        JsonNode items = a.json().get("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("success").asBoolean()).isTrue();
        assertThat(items.get(0).get("status_code").asInt()).isEqualTo(1);
        assertThat(items.get(0).get("ref_interne").asText()).matches("\\d{15}");
        assertThat(items.get(1).get("success").asBoolean()).isFalse();
        assertThat(items.get(1).get("error").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(items.get(2).get("error").asText()).isEqualTo("INVALID_OPERATOR");
        assertThat(a.json().get("balance").decimalValue()).isEqualByComparingTo("5.65");
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("5.65");
    }

    @Test
    void webhookConfigIsReadAndUpdated() {
        JsonNode before = http.get("/webhook").json();
        assertThat(before.has("webhook_url")).isTrue();
        assertThat(before.get("ip_whitelist").asText()).isEmpty();

        SimHttp.Answer set = http.post("/webhook",
                "{\"webhook_url\":\"https://client.example/webhook\",\"ip_whitelist\":\"127.0.0.1, 5.6.7.8\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("success").asBoolean()).isTrue();
        assertThat(set.json().get("webhook_url").asText()).isEqualTo("https://client.example/webhook");
        assertThat(set.json().get("ip_whitelist").asText()).isEqualTo("127.0.0.1, 5.6.7.8");

        JsonNode after = http.get("/webhook").json();
        assertThat(after.get("webhook_url").asText()).isEqualTo("https://client.example/webhook");
        assertThat(after.get("ip_whitelist").asText()).isEqualTo("127.0.0.1, 5.6.7.8");
        assertThat(http.get("/me").json().get("webhook_url").asText()).isEqualTo("https://client.example/webhook");
    }

    @Test
    void healthAnswersInBothEnvironmentsWithoutCredentials() {
        SimHttp.Answer prod = http.bare("GET", sim.baseUrl() + "/health", null);
        SimHttp.Answer sandbox = http.bare("GET", sim.sandboxUrl() + "/health", null);
        assertThat(prod.status()).isEqualTo(200);
        assertThat(prod.json().get("status").asText()).isEqualTo("ok");
        assertThat(sandbox.status()).isEqualTo(200);
        assertThat(sandbox.json().get("sandbox").asBoolean()).isTrue();
    }

    @Test
    void everyEndpointAnswersUnderTheSandboxToo() {
        assertThat(http.getSandbox("/me").json().get("code").asText()).isEqualTo("API-DEMO-0001");
        assertThat(http.getSandbox("/balance").json().get("devise").asText()).isEqualTo("MAD");
        assertThat(http.getSandbox("/prices").json().get("prices")).hasSize(3);
        assertThat(http.getSandbox("/webhook").status()).isEqualTo(200);
        assertThat(http.getSandbox("/history").json().get("pagination").get("total").asInt()).isZero();
        SimHttp.Answer r = http.postSandbox("/recharge", SimHttp.rechargeBody("0612340001", "Inwi", 10, "SB-1"));
        assertThat(r.status()).isEqualTo(200);
        String ref = r.json().get("ref_interne").asText();
        assertThat(ref).startsWith("SBX-");
        assertThat(http.getSandbox("/recharge/by-ref/SB-1").json().get("ref_interne").asText()).isEqualTo(ref);
        assertThat(http.getSandbox("/recharge/by-id/" + ref).json().get("id").asText()).isEqualTo(ref);
        assertThat(http.getSandbox("/history").json().get("items").get(0).get("id").asText()).isEqualTo(ref);
        SimHttp.Answer bulk = http.postSandbox("/recharge/bulk",
                "{\"items\":[" + SimHttp.rechargeBody("0612340001", "Inwi", 10, "SB-2") + "]}");
        assertThat(bulk.json().get("items").get(0).get("ref_interne").asText()).startsWith("SBX-");
        assertThat(http.postSandbox("/webhook", "{\"webhook_url\":\"http://127.0.0.1:9/hook\"}").status()).isEqualTo(200);
    }

    @Test
    void sandboxRechargesAreKeptApartAndNeverDebit() {
        http.postSandbox("/recharge", SimHttp.rechargeBody("0612340001", "Inwi", 10, "SAME-REF"));
        assertThat(http.get("/recharge/by-ref/SAME-REF").code()).isEqualTo("NOT_FOUND");
        assertThat(http.get("/history").json().get("pagination").get("total").asInt()).isZero();
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("1000");

        SimHttp.Answer prod = http.recharge("0612340001", "Inwi", 10, "SAME-REF");
        assertThat(prod.status()).isEqualTo(200);
        assertThat(prod.json().get("ref_interne").asText()).doesNotStartWith("SBX-");
        String sandboxRef = http.getSandbox("/recharge/by-ref/SAME-REF").json().get("ref_interne").asText();
        assertThat(http.get("/recharge/by-id/" + sandboxRef).code()).isEqualTo("NOT_FOUND");
        assertThat(http.getSandbox("/balance").json().get("balance").decimalValue())
                .isEqualByComparingTo(new BigDecimal("990.65"));
    }
}
