package ma.hanout.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client over real HTTP on loopback, against a server answering the reference's examples:
 * the right method and path per endpoint, the account headers, the reference's request bodies.
 */
class ClientOverHttpTest {
    private static final String ROOT = "/rest/V1/recharge-api";
    private static final Map<String, String> FIXTURE_BY_PATH = Map.ofEntries(
            Map.entry("GET /me", "me.json"),
            Map.entry("GET /balance", "balance.json"),
            Map.entry("GET /prices", "prices.json"),
            Map.entry("POST /recharge", "recharge.json"),
            Map.entry("POST /recharge/bulk", "bulk.json"),
            Map.entry("GET /recharge/by-ref/TEST-001", "by-ref.json"),
            Map.entry("GET /recharge/by-id/189957125550360", "by-id.json"),
            Map.entry("GET /history?page=1&pageSize=20", "history.json"),
            Map.entry("GET /webhook", "webhook-get.json"),
            Map.entry("POST /webhook", "webhook-post.json"));

    private final LoopbackServer server = new LoopbackServer((exchange, r) -> {
        String key = r.method() + " " + r.rawPathAndQuery().replaceFirst("^" + ROOT + "(/sandbox)?", "");
        if (key.endsWith("/health")) {
            LoopbackServer.answer(exchange, 200, "OK");
            return;
        }
        String fixture = FIXTURE_BY_PATH.get(key);
        if (fixture == null) {
            LoopbackServer.answer(exchange, 404,
                    "{\"message\":\"Recharge introuvable.\",\"parameters\":{\"code\":\"NOT_FOUND\"}}");
        } else {
            LoopbackServer.answer(exchange, 200, Fixtures.bytes(fixture));
        }
    });
    private final MoroccoTopupClient client = new MoroccoTopupClient(
            ApiConfig.of(server.baseUrl(), "API-XXXX", "YOUR_KEY"));

    @AfterEach
    void stop() {
        server.close();
    }

    private static RechargeRequest test001() {
        return new RechargeRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), new Promo(6), "TEST-001");
    }

    @Test
    void everyEndpointUsesItsMethodAndPathAndParsesTheAnswer() throws Exception {
        assertThat(client.me().code()).isEqualTo("API-20251226-569");
        assertThat(server.last().method()).isEqualTo("GET");
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/me");
        assertThat(client.balance().balance()).isEqualTo(Money.ofMad(90));
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/balance");
        assertThat(client.prices().prices()).hasSize(2);
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/prices");
        assertThat(client.recharge(test001()).billingAmount()).isEqualTo(Money.ofCentimes(935));
        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/recharge");
        assertThat(client.byRef("TEST-001").statusCode()).isEqualTo(4);
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/recharge/by-ref/TEST-001");
        assertThat(client.byId("189957125550360").externalReference()).isEqualTo("TEST-001");
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/recharge/by-id/189957125550360");
        assertThat(client.history(1, 20).pagination().total()).isEqualTo(11);
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/history?page=1&pageSize=20");
        assertThat(client.webhook().ipWhitelist()).isEqualTo("1.2.3.4, 5.6.7.8");
        assertThat(server.last().method()).isEqualTo("GET");
        assertThat(client.updateWebhook("https://client.example/webhook", "1.2.3.4, 5.6.7.8").webhookUrl())
                .isEqualTo("https://client.example/webhook");
        assertThat(server.last().method()).isEqualTo("POST");
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/webhook");
        client.health();
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/health");
        client.sandboxHealth();
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/sandbox/health");
    }

    @Test
    void everyRequestCarriesTheAccountHeadersAndJsonContentType() throws Exception {
        client.me();
        client.recharge(test001());
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> {
            assertThat(r.headers().getFirst("X-Client-Code")).isEqualTo("API-XXXX");
            assertThat(r.headers().getFirst("X-Api-Key")).isEqualTo("YOUR_KEY");
            assertThat(r.headers().getFirst("Content-Type")).isEqualTo("application/json");
            assertThat(r.headers().getFirst("Accept")).isEqualTo("application/json");
        });
    }

    @Test
    void rechargeAndBulkSendTheReferenceBodies() throws Exception {
        ObjectMapper json = new ObjectMapper();
        client.recharge(test001());
        assertThat(json.readTree(server.last().body())).isEqualTo(json.readTree(Fixtures.bytes("recharge-request.json")));
        BulkResponse bulk = client.bulk(List.of(
                new RechargeRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), new Promo(6), "BULK-001"),
                new RechargeRequest(Phone.parse("0612345679"), Operator.ORANGE, Money.ofMad(20), Promo.PLAIN,
                        "BULK-002")));
        assertThat(json.readTree(server.last().body())).isEqualTo(json.readTree(Fixtures.bytes("bulk-request.json")));
        assertThat(bulk.items()).extracting(BulkItem::success).containsExactly(true, false);
    }

    @Test
    void sandboxModePutsEveryPathUnderSandbox() throws Exception {
        MoroccoTopupClient sandbox = new MoroccoTopupClient(client.config().withSandbox(true));
        sandbox.me();
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/sandbox/me");
        sandbox.recharge(test001());
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/sandbox/recharge");
        sandbox.history(1, 20);
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/sandbox/history?page=1&pageSize=20");
        sandbox.health();
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/sandbox/health");
        assertThatThrownBy(() -> sandbox.byRef("NOPE"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("GET /sandbox/recharge/by-ref/NOPE: 404 NOT_FOUND: Recharge introuvable.");
    }

    @Test
    void referencesAreEncodedAsOnePathSegment() throws Exception {
        assertThatThrownBy(() -> client.byRef("A B/../ç?x=1#y")).isInstanceOf(NotFoundException.class);
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/recharge/by-ref/A%20B%2F..%2F%C3%A7%3Fx%3D1%23y");
        assertThatThrownBy(() -> client.byId("..")).isInstanceOf(NotFoundException.class);
        assertThat(server.last().rawPathAndQuery()).isEqualTo(ROOT + "/recharge/by-id/%2E%2E");
        assertThatThrownBy(() -> client.byRef("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void blankCredentialsAreNotSentAtAll() throws Exception {
        new MoroccoTopupClient(client.config().withCredentials("", " ")).me();
        assertThat(server.last().headers().containsKey("X-Client-Code")).isFalse();
        assertThat(server.last().headers().containsKey("X-Api-Key")).isFalse();
    }

    @Test
    void healthAcceptsAPlainTextAnswer() throws Exception {
        assertThat(client.health().status()).isNull();
    }

    @Test
    void badArgumentsFailBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.history(0, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.bulk(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void configNeverPrintsTheApiKeyAndRefusesABadBaseUrl() {
        assertThat(client.config().toString()).doesNotContain("YOUR_KEY").contains("API-XXXX");
        assertThatThrownBy(() -> ApiConfig.of("ftp://x/rest", "c", "k")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftp://x/rest");
        assertThat(ApiConfig.of("http://h:1/rest/V1/recharge-api/", "c", "k").baseUrl())
                .isEqualTo("http://h:1/rest/V1/recharge-api");
    }
}
