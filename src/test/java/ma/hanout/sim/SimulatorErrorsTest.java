package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every error code of the reference's table with its HTTP status, every invalid payload as a 400
 * with a clear message and a code, unknown routes and wrong methods: always the API's JSON error
 * body, never a 500, and nothing applied.
 */
class SimulatorErrorsTest {
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

    @BeforeEach
    void reset() {
        assertThat(http.simPost("/_sim/reset", "").status()).isEqualTo(200);
    }

    @Test
    void missingCredentialsAre401AuthMissingOnEveryApiEndpoint() {
        for (String path : List.of("/me", "/balance", "/prices", "/history", "/webhook", "/recharge/by-ref/X",
                "/recharge/by-id/1")) {
            SimHttp.Answer a = http.bare("GET", sim.baseUrl() + path, null);
            assertThat(a.status()).as(path).isEqualTo(401);
            assertThat(a.code()).as(path).isEqualTo("AUTH_MISSING");
            assertThat(http.bare("GET", sim.sandboxUrl() + path, null).code()).as("sandbox" + path)
                    .isEqualTo("AUTH_MISSING");
        }
        SimHttp.Answer post = http.bare("POST", sim.baseUrl() + "/recharge", SimHttp.rechargeBody("0612345678", "Inwi", 10, "R"));
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.code()).isEqualTo("AUTH_MISSING");
        assertThat(http.withCredentials("API-DEMO-0001", "").get("/me").code()).isEqualTo("AUTH_MISSING");
        assertThat(http.withCredentials(" ", "demo-key").get("/me").code()).isEqualTo("AUTH_MISSING");
        assertThat(http.simGet("/_sim/recharges").json()).isEmpty();
    }

    @Test
    void wrongCredentialsAre401AuthInvalid() {
        SimHttp.Answer wrongKey = http.withCredentials("API-DEMO-0001", "wrong").get("/me");
        assertThat(wrongKey.status()).isEqualTo(401);
        assertThat(wrongKey.code()).isEqualTo("AUTH_INVALID");
        assertThat(wrongKey.message()).isNotBlank();
        assertThat(http.withCredentials("API-OTHER", "demo-key").get("/balance").code()).isEqualTo("AUTH_INVALID");
        SimHttp.Answer recharge = http.withCredentials("API-DEMO-0001", "wrong")
                .recharge("0612345678", "Inwi", 10, "R-AUTH");
        assertThat(recharge.status()).isEqualTo(401);
        assertThat(http.get("/recharge/by-ref/R-AUTH").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void suspendedAccountIs403ClientSuspended() {
        http.simPost("/_sim/account", "{\"status\":\"suspended\"}");
        SimHttp.Answer me = http.get("/me");
        assertThat(me.status()).isEqualTo(403);
        assertThat(me.code()).isEqualTo("CLIENT_SUSPENDED");
        SimHttp.Answer recharge = http.recharge("0612345678", "Inwi", 10, "SUSP-1");
        assertThat(recharge.status()).isEqualTo(403);
        assertThat(recharge.code()).isEqualTo("CLIENT_SUSPENDED");
        assertThat(http.postSandbox("/recharge", SimHttp.rechargeBody("0612345678", "Inwi", 10, "SUSP-2")).code())
                .isEqualTo("CLIENT_SUSPENDED");

        http.simPost("/_sim/account", "{\"status\":\"active\"}");
        assertThat(http.get("/me").json().get("status").asText()).isEqualTo("active");
        assertThat(http.get("/recharge/by-ref/SUSP-1").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void addressOffTheWhitelistIs403IpNotAllowedOnEveryCall() {
        SimHttp.Answer set = http.post("/webhook",
                "{\"webhook_url\":\"https://client.example/webhook\",\"ip_whitelist\":\"1.2.3.4, 5.6.7.8\"}");
        assertThat(set.status()).isEqualTo(200);

        for (SimHttp.Answer a : List.of(http.get("/me"), http.get("/balance"), http.getSandbox("/history"),
                http.recharge("0612345678", "Inwi", 10, "IP-1"), http.get("/webhook"))) {
            assertThat(a.status()).isEqualTo(403);
            assertThat(a.code()).isEqualTo("IP_NOT_ALLOWED");
        }
        http.simPost("/_sim/account", "{\"ip_whitelist\":\"1.2.3.4, 127.0.0.1\"}");
        assertThat(http.get("/me").status()).isEqualTo(200);
        http.simPost("/_sim/account", "{\"ip_whitelist\":\"\"}");
        assertThat(http.get("/me").json().get("ip_whitelist").asText()).isEmpty();
    }

    @Test
    void reusedExternalReferenceIs409DuplicateReference() {
        assertThat(http.recharge("0612345678", "Inwi", 10, "DUP-1").status()).isEqualTo(200);
        SimHttp.Answer again = http.recharge("0612345678", "Orange", 20, "DUP-1");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("DUPLICATE_REFERENCE");
        assertThat(again.message()).isNotBlank();
        assertThat(http.get("/recharge/by-ref/DUP-1").json().get("operator").asText()).isEqualTo("Inwi");
        assertThat(http.get("/balance").json().get("balance").decimalValue()).isEqualByComparingTo("990.65");
    }

    @Test
    void rechargesWithoutExternalReferenceAreNeverDuplicates() {
        SimHttp.Answer first = http.recharge("0612345678", "Inwi", 10, null);
        SimHttp.Answer second = http.recharge("0612345678", "Inwi", 10, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(first.json().get("external_reference").isNull()).isTrue();
        assertThat(first.json().get("ref_interne").asText()).isNotEqualTo(second.json().get("ref_interne").asText());
    }

    @Test
    void unknownRechargeIs404NotFound() {
        SimHttp.Answer byRef = http.get("/recharge/by-ref/NOPE");
        assertThat(byRef.status()).isEqualTo(404);
        assertThat(byRef.code()).isEqualTo("NOT_FOUND");
        SimHttp.Answer byId = http.get("/recharge/by-id/123456789012345");
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.code()).isEqualTo("NOT_FOUND");
        assertThat(http.getSandbox("/recharge/by-ref/NOPE").code()).isEqualTo("NOT_FOUND");
    }

    @Test
    void webhookUpdateWithoutUrlIs400WebhookUrlRequired() {
        for (String body : new String[] {"{}", "{\"webhook_url\":\"\"}", "{\"webhook_url\":null}",
                "{\"ip_whitelist\":\"1.2.3.4\"}", null}) {
            SimHttp.Answer a = http.post("/webhook", body);
            assertThat(a.status()).as(String.valueOf(body)).isEqualTo(400);
            assertThat(a.code()).as(String.valueOf(body)).isEqualTo("WEBHOOK_URL_REQUIRED");
        }
        assertThat(http.get("/webhook").json().get("ip_whitelist").asText()).isEmpty();
    }

    @Test
    void webhookUpdateWithABadUrlIs400WebhookUrlInvalid() {
        for (String url : new String[] {"\"not a url\"", "\"ftp://client.example/hook\"", "\"client.example/hook\"",
                "\"http://\"", "42"}) {
            SimHttp.Answer a = http.post("/webhook", "{\"webhook_url\":" + url + "}");
            assertThat(a.status()).as(url).isEqualTo(400);
            assertThat(a.code()).as(url).isEqualTo("WEBHOOK_URL_INVALID");
        }
        SimHttp.Answer badList = http.post("/webhook",
                "{\"webhook_url\":\"https://client.example/h\",\"ip_whitelist\":\"1.2.3.4, example.com\"}");
        assertThat(badList.status()).isEqualTo(400);
        assertThat(badList.code()).isEqualTo("INVALID_IP_WHITELIST");
        assertThat(badList.message()).contains("example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"inwi", "INWI", "orange", "Maroc telecom", "MarocTelecom", "IAM", "Meditel", ""})
    void operatorIsCaseSensitiveWithTheReferenceMessage(String operator) {
        SimHttp.Answer a = http.recharge("0612345678", operator, 10, "OP-" + operator.hashCode());
        assertThat(a.status()).isEqualTo(400);
        if (operator.isEmpty()) {
            assertThat(a.code()).isEqualTo("INVALID_PAYLOAD");
        } else {
            assertThat(a.code()).isEqualTo("INVALID_OPERATOR");
            assertThat(a.message()).isEqualTo("Operateur invalide. Valeurs autorisées: Orange, Inwi, Maroc Telecom.");
        }
    }

    @Test
    void everyOperatorSpelledExactlyIsAccepted() {
        assertThat(http.recharge("0612345678", "Orange", 10, null).status()).isEqualTo(200);
        assertThat(http.recharge("0612345678", "Inwi", 10, null).status()).isEqualTo(200);
        assertThat(http.recharge("0612345678", "Maroc Telecom", 10, null).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"06123\"", "\"061234567890\"", "\"+212612345678\"", "\"0512345678\"", "\"06 12 34 56 78\"",
            "\"abcdefghij\"", "612345678", "true", "[\"0612345678\"]"})
    void badPhoneIs400InvalidPhone(String phone) {
        SimHttp.Answer a = http.post("/recharge", "{\"phone\":" + phone + ",\"operator\":\"Inwi\",\"value\":10}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_PHONE");
        assertThat(a.message()).contains("phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"abc\"", "-5", "0", "0.00", "10.001", "100000", "true", "{}", "\"10 MAD\"", "1e400"})
    void badValueIs400InvalidValue(String value) {
        SimHttp.Answer a = http.post("/recharge", "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":" + value + "}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_VALUE");
        assertThat(a.message()).contains("value");
    }

    @Test
    void valueMayBeANumericStringOrCarryCentimes() {
        assertThat(http.post("/recharge", "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":\"20\"}").json()
                .get("value").decimalValue()).isEqualByComparingTo("20");
        assertThat(http.post("/recharge", "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":12.5}").json()
                .get("value").decimalValue()).isEqualByComparingTo("12.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"*6\"", "\"10\"", "\"x\"", "6.5", "-1", "true", "\"\""})
    void badTypeIs400InvalidType(String type) {
        SimHttp.Answer a = http.post("/recharge",
                "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"type\":" + type + "}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_TYPE");
    }

    @Test
    void typeIsOptionalAndAnsweredAsAString() {
        http.post("/recharge", "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"external_reference\":\"T-0\"}");
        http.post("/recharge", "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"type\":3,\"external_reference\":\"T-3\"}");
        assertThat(http.get("/recharge/by-ref/T-0").json().get("type").asText()).isEqualTo("0");
        assertThat(http.get("/recharge/by-ref/T-3").json().get("type").isTextual()).isTrue();
        assertThat(http.get("/recharge/by-ref/T-3").json().get("type").asText()).isEqualTo("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"operator\":\"Inwi\",\"value\":10}", "{\"phone\":\"0612345678\",\"value\":10}",
            "{\"phone\":\"0612345678\",\"operator\":\"Inwi\"}", "{\"phone\":null,\"operator\":\"Inwi\",\"value\":10}",
            "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":\"\"}", "[]", "\"text\"", "42", "null"})
    void missingFieldsAre400WithTheReferenceMessage(String body) {
        SimHttp.Answer a = http.post("/recharge", body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_PAYLOAD");
        assertThat(a.message()).isEqualTo("Missing or invalid payload (phone, operator, value).");
    }

    @Test
    void noBodyIs400InvalidPayload() {
        SimHttp.Answer a = http.post("/recharge", null);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_PAYLOAD");
        assertThat(a.message()).isEqualTo("Missing or invalid payload (phone, operator, value).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"phone\":\"0612345678\",", "{phone: '0612345678'}", "{\"a\":1} trailing",
            "{\"phone\":\"0612345678\",\"phone\":\"0612345679\",\"operator\":\"Inwi\",\"value\":10}", "\u00ff\u00fe"})
    void malformedJsonIs400InvalidJsonWithoutAStackTrace(String body) {
        SimHttp.Answer a = http.post("/recharge", body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_JSON");
        assertThat(a.message()).startsWith("The body is not valid JSON").doesNotContain("at com.").doesNotContain("Source:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123", "\"\"", "\"   \"", "{\"a\":1}"})
    void badExternalReferenceIs400InvalidReference(String ref) {
        SimHttp.Answer a = http.post("/recharge",
                "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"external_reference\":" + ref + "}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_REFERENCE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"items\":{}}", "{\"items\":[]}", "[1,2]", "{\"items\":\"x\"}"})
    void badBulkBodyIs400InvalidPayload(String body) {
        SimHttp.Answer a = http.post("/recharge/bulk", body);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_PAYLOAD");
        assertThat(a.message()).contains("items");
    }

    @Test
    void badBulkItemsAreAnsweredOneByOne() {
        SimHttp.Answer a = http.post("/recharge/bulk", "{\"items\":[42, {\"phone\":\"1\",\"operator\":\"Inwi\",\"value\":10,"
                + "\"external_reference\":\"B-1\"}, {\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":-1}]}");
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("items").findValuesAsText("error"))
                .containsExactly("INVALID_PAYLOAD", "INVALID_PHONE", "INVALID_VALUE");
        assertThat(a.json().get("items").get(1).get("external_reference").asText()).isEqualTo("B-1");
        assertThat(a.json().get("items").get(1).get("message").asText()).isNotBlank();
    }

    @Test
    void tooManyBulkItemsIs400() {
        StringBuilder b = new StringBuilder("{\"items\":[");
        for (int i = 0; i <= BulkRechargeRoute.MAX_ITEMS; i++) {
            b.append(i == 0 ? "" : ",").append(SimHttp.rechargeBody("0612345678", "Inwi", 10, null));
        }
        SimHttp.Answer a = http.post("/recharge/bulk", b.append("]}").toString());
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_PAYLOAD");
        assertThat(http.simGet("/_sim/recharges").json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=-1", "page=abc", "pageSize=0", "pageSize=x", "page=99999999999"})
    void badPaginationIs400InvalidPagination(String query) {
        SimHttp.Answer a = http.get("/history?" + query);
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.code()).isEqualTo("INVALID_PAGINATION");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/rest/V1/recharge-api/nope", "/rest/V1/recharge-api/meow", "/rest/V1/recharge-api/me/extra",
            "/rest/V1/recharge-api/recharge/by-ref/", "/rest/V1/recharge-api/recharge/by-ref/A/B",
            "/rest/V1/recharge-api/sandbox", "/rest/V1/recharge-api/sandbox/sandbox/health", "/", "/nope", "/_sim/nope",
            "/rest/V1/recharge-api"})
    void unknownRouteIs404RouteNotFoundNeverNotFound(String path) {
        SimHttp.Answer a = http.request("GET", sim.rootUrl() + path, null);
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.code()).isEqualTo("ROUTE_NOT_FOUND");
        assertThat(a.message()).contains(path);
    }

    @Test
    void wrongMethodIs405WithAllow() {
        SimHttp.Answer postMe = http.request("POST", sim.baseUrl() + "/me", "{}");
        assertThat(postMe.status()).isEqualTo(405);
        assertThat(postMe.code()).isEqualTo("METHOD_NOT_ALLOWED");
        assertThat(postMe.headers().firstValue("Allow")).hasValue("GET");
        assertThat(http.request("GET", sim.baseUrl() + "/recharge", null).headers().firstValue("Allow")).hasValue("POST");
        assertThat(http.request("DELETE", sim.sandboxUrl() + "/webhook", null).headers().firstValue("Allow"))
                .hasValue("GET, POST");
        assertThat(http.request("PUT", sim.rootUrl() + "/_sim/faults", "{}").status()).isEqualTo(405);
    }

    @Test
    void oversizedBodyIs413() {
        String huge = "{\"phone\":\"" + "0".repeat(Endpoint.MAX_BODY_BYTES + 10) + "\"}";
        SimHttp.Answer a = http.post("/recharge", huge);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void noBadInputEverGetsA500OrIsApplied() {
        String[] bodies = {"", "null", "{", "}", "[]", "[{}]", "{\"items\":[null]}", "{\"phone\":{}}", "\"\\u0000\"",
            "{\"value\":1e999999}", "{\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":-0}",
            "{\"webhook_url\":[]}", "{\"faults\":1}", "{\"status\":1}", "{\"balance\":\"x\"}", "{\"items\":[[]]}"};
        String[] paths = {"/rest/V1/recharge-api/recharge", "/rest/V1/recharge-api/recharge/bulk",
            "/rest/V1/recharge-api/sandbox/recharge", "/rest/V1/recharge-api/webhook", "/_sim/faults", "/_sim/account"};
        for (String path : paths) {
            for (String body : bodies) {
                SimHttp.Answer a = http.request("POST", sim.rootUrl() + path, body);
                assertThat(a.status()).as(path + " " + body).isLessThan(500);
                if (a.status() >= 400) {
                    assertThat(a.code()).as(path + " " + body).isNotBlank();
                }
            }
        }
        assertThat(http.simGet("/_sim/recharges").json()).isEmpty();
    }
}
