package ma.hanout.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import org.junit.jupiter.api.Test;

/** Every JSON example of the reference parses into the records with its exact values. */
class ReferenceFixturesTest {

    @Test
    void rechargeExampleParsesWithExactMoney() throws Exception {
        RechargeResponse r = Fixtures.parse("recharge.json", RechargeResponse.class);
        assertThat(r.success()).isTrue();
        assertThat(r.statusCode()).isEqualTo(1);
        assertThat(r.refInterne()).isEqualTo("189957125550360");
        assertThat(r.externalReference()).isEqualTo("TEST-001");
        assertThat(r.value()).isEqualTo(Money.ofCentimes(1000));
        assertThat(r.billingAmount()).isEqualTo(Money.ofCentimes(935));
        assertThat(r.balanceAfter()).isEqualTo(Money.ofMad(70));
    }

    @Test
    void bulkExampleParsesOneSuccessAndOneRefusal() throws Exception {
        BulkResponse r = Fixtures.parse("bulk.json", BulkResponse.class);
        assertThat(r.balance()).isEqualTo(Money.ofMad(70));
        assertThat(r.items()).hasSize(2);
        BulkItem ok = r.items().get(0);
        assertThat(ok.success()).isTrue();
        assertThat(ok.statusCode()).isEqualTo(1);
        assertThat(ok.refInterne()).isEqualTo("189957125550360");
        assertThat(ok.failure()).isEmpty();
        BulkItem refused = r.items().get(1);
        assertThat(refused.success()).isFalse();
        assertThat(refused.error()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(refused.failure()).get().isInstanceOf(InsufficientFundsException.class)
                .satisfies(e -> {
                    assertThat(e.isDefinitive()).isTrue();
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void byRefExampleParsesIntoARechargeRecord() throws Exception {
        assertFullRecord(Fixtures.parse("by-ref.json", RechargeRecord.class));
    }

    @Test
    void byIdExampleNamesTheReferenceIdAndParsesIntoTheSameRecord() throws Exception {
        RechargeRecord byId = Fixtures.parse("by-id.json", RechargeRecord.class);
        assertFullRecord(byId);
        assertThat(byId).isEqualTo(Fixtures.parse("by-ref.json", RechargeRecord.class));
    }

    private static void assertFullRecord(RechargeRecord r) {
        assertThat(r.refInterne()).isEqualTo("189957125550360");
        assertThat(r.externalReference()).isEqualTo("TEST-001");
        assertThat(r.phone()).isEqualTo("0612345678");
        assertThat(r.operator()).isEqualTo("Inwi");
        assertThat(r.knownOperator()).contains(Operator.INWI);
        assertThat(r.value()).isEqualTo(Money.ofCentimes(1000));
        assertThat(r.billingAmount()).isEqualTo(Money.ofCentimes(935));
        assertThat(r.type()).isEqualTo("6");
        assertThat(r.promo()).contains(new Promo(6));
        assertThat(r.statusCode()).isEqualTo(4);
        assertThat(r.createdAt()).isEqualTo(LocalDateTime.of(2026, 1, 9, 19, 21, 57));
        assertThat(r.executedAt()).isEqualTo(LocalDateTime.of(2026, 1, 9, 19, 22, 0));
    }

    @Test
    void historyExampleParsesItemsWithOnlyIdPhoneAndStatus() throws Exception {
        HistoryPage page = Fixtures.parse("history.json", HistoryPage.class);
        assertThat(page.items()).hasSize(1);
        RechargeRecord item = page.items().get(0);
        assertThat(item.refInterne()).isEqualTo("189957125550360");
        assertThat(item.phone()).isEqualTo("0612345678");
        assertThat(item.statusCode()).isEqualTo(4);
        assertThat(item.billingAmount()).isNull();
        assertThat(item.promo()).isEmpty();
        assertThat(page.pagination()).isEqualTo(new Pagination(1, 20, 11));
        assertThat(page.pagination().hasNextPage()).isFalse();
        assertThat(new Pagination(1, 5, 11).hasNextPage()).isTrue();
    }

    @Test
    void meExampleParses() throws Exception {
        Account a = Fixtures.parse("me.json", Account.class);
        assertThat(a.clientId()).isEqualTo(7);
        assertThat(a.name()).isEqualTo("MAHI AHMED 3");
        assertThat(a.code()).isEqualTo("API-20251226-569");
        assertThat(a.type()).isEqualTo("reseller");
        assertThat(a.status()).isEqualTo("active");
        assertThat(a.solde()).isEqualTo(Money.ofMad(90));
        assertThat(a.devise()).isEqualTo("MAD");
        assertThat(a.creditLimit()).isEqualTo(Money.ZERO);
        assertThat(a.ipWhitelist()).isEmpty();
        assertThat(a.webhookUrl()).isEqualTo("https://client.example/webhook");
        assertThat(a.createdAt()).isEqualTo(LocalDateTime.of(2025, 12, 26, 16, 38, 12));
        assertThat(a.updatedAt()).isEqualTo(LocalDateTime.of(2026, 1, 9, 19, 22, 12));
    }

    @Test
    void balanceExampleParses() throws Exception {
        Balance b = Fixtures.parse("balance.json", Balance.class);
        assertThat(b.balance()).isEqualTo(Money.ofCentimes(9000));
        assertThat(b.devise()).isEqualTo("MAD");
        assertThat(b.creditLimit()).isEqualTo(Money.ZERO);
        assertThat(b.available()).isEqualTo(Money.ofMad(90));
    }

    @Test
    void pricesExampleParsesMarginsExactlyAndBillsTenAtSixAndAHalfPercentAsNineThirtyFive() throws Exception {
        PriceList p = Fixtures.parse("prices.json", PriceList.class);
        assertThat(p.clientCode()).isEqualTo("API-20251226-569");
        assertThat(p.devise()).isEqualTo("MAD");
        assertThat(p.prices()).hasSize(2);
        OperatorPrice orange = p.forOperator(Operator.ORANGE).orElseThrow();
        assertThat(orange.operator()).isEqualTo("orange");
        assertThat(orange.marginPercent()).isEqualByComparingTo(new BigDecimal("6.5"));
        assertThat(orange.billingFor(Money.ofMad(10))).isEqualTo(Money.ofCentimes(935));
        OperatorPrice inwi = p.forOperator(Operator.INWI).orElseThrow();
        assertThat(inwi.marginPercent()).isEqualByComparingTo(new BigDecimal("-3.0"));
        assertThat(inwi.billingFor(Money.ofMad(10))).isEqualTo(Money.ofCentimes(1030));
        assertThat(p.forOperator(Operator.MAROC_TELECOM)).isEmpty();
    }

    @Test
    void webhookExamplesParse() throws Exception {
        WebhookConfig get = Fixtures.parse("webhook-get.json", WebhookConfig.class);
        assertThat(get).isEqualTo(new WebhookConfig("https://client.example/webhook", "1.2.3.4, 5.6.7.8"));
        MoroccoTopupClient.WebhookUpdate post = Fixtures.parse("webhook-post.json",
                MoroccoTopupClient.WebhookUpdate.class);
        assertThat(post.success()).isTrue();
        assertThat(post.webhookUrl()).isEqualTo("https://client.example/webhook");
        assertThat(post.ipWhitelist()).isEqualTo("1.2.3.4, 5.6.7.8");
    }

    @Test
    void errorExampleInEitherLanguageBecomesDuplicateReferenceWithTheServersMessage() {
        ApiException fr = ErrorResponses.fromAnswer("POST /recharge", 409, Fixtures.bytes("error-fr.json"));
        assertThat(fr).isInstanceOf(DuplicateReferenceException.class);
        assertThat(fr.httpStatus()).isEqualTo(409);
        assertThat(fr.errorCode()).isEqualTo("DUPLICATE_REFERENCE");
        assertThat(fr.serverMessage()).isEqualTo("Référence externe déjà utilisée.");
        assertThat(fr.getMessage())
                .isEqualTo("POST /recharge: 409 DUPLICATE_REFERENCE: Référence externe déjà utilisée.");
        assertThat(fr.isDefinitive()).isTrue();
        assertThat(fr.mayHaveBeenApplied()).isFalse();
        ApiException en = ErrorResponses.fromAnswer("POST /recharge", 409, Fixtures.bytes("error-en.json"));
        assertThat(en).isInstanceOf(DuplicateReferenceException.class);
        assertThat(en.serverMessage()).isEqualTo("External reference already used.");
    }

    @Test
    void rechargeRequestSerialisesAsTheReferenceBody() throws Exception {
        RechargeRequest r = new RechargeRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10),
                new Promo(6), "TEST-001");
        assertThat(tree(ApiJson.recharge(r))).isEqualTo(tree(Fixtures.bytes("recharge-request.json")));
        assertThat(new String(ApiJson.recharge(r), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"value\":10,").contains("\"type\":\"6\"");
    }

    @Test
    void bulkAndWebhookRequestsSerialiseAsTheReferenceBodies() throws Exception {
        RechargeRequest a = new RechargeRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10),
                new Promo(6), "BULK-001");
        RechargeRequest b = new RechargeRequest(Phone.parse("0612345679"), Operator.ORANGE, Money.ofMad(20),
                Promo.PLAIN, "BULK-002");
        assertThat(tree(ApiJson.bulk(java.util.List.of(a, b)))).isEqualTo(tree(Fixtures.bytes("bulk-request.json")));
        assertThat(tree(ApiJson.webhook("https://client.example/webhook", "1.2.3.4, 5.6.7.8")))
                .isEqualTo(tree(Fixtures.bytes("webhook-request.json")));
        assertThat(tree(ApiJson.webhook(null, null))).isEqualTo(tree("{}".getBytes()));
    }

    @Test
    void fractionalValueAndMarocTelecomGoOutWithExactSpellings() {
        RechargeRequest r = new RechargeRequest(Phone.parse("0661234567"), Operator.MAROC_TELECOM,
                Money.ofCentimes(1250), Promo.PLAIN, "R-1");
        assertThat(new String(ApiJson.recharge(r), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("{\"phone\":\"0661234567\",\"operator\":\"Maroc Telecom\",\"value\":12.5,"
                        + "\"type\":\"0\",\"external_reference\":\"R-1\"}");
        RechargeRequest hundred = new RechargeRequest(Phone.parse("0661234567"), Operator.ORANGE,
                Money.ofMad(100), Promo.PLAIN, "R-2");
        assertThat(new String(ApiJson.recharge(hundred), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"value\":100,");
    }

    // --- the dialect around the examples ---

    @Test
    void typeReadsTheSameAsANumberOrAString() throws Exception {
        String json = "{\"ref_interne\":\"1\",\"status_code\":3,\"type\":%s}";
        assertThat(Fixtures.parseText(json.formatted("6"), RechargeRecord.class).type()).isEqualTo("6");
        assertThat(Fixtures.parseText(json.formatted("\"6\""), RechargeRecord.class).type()).isEqualTo("6");
    }

    @Test
    void unknownPropertiesAreIgnored() throws Exception {
        Balance b = Fixtures.parseText(
                "{\"balance\":12.5,\"devise\":\"MAD\",\"credit_limit\":100,\"new_field\":{\"x\":[1,2]}}", Balance.class);
        assertThat(b.balance()).isEqualTo(Money.ofCentimes(1250));
        assertThat(b.available()).isEqualTo(Money.ofCentimes(11250));
    }

    @Test
    void quotedAmountsAndNegativeBalancesConvertExactly() throws Exception {
        Balance b = Fixtures.parseText("{\"balance\":\"-0.10\",\"devise\":\"MAD\",\"credit_limit\":\"50\"}",
                Balance.class);
        assertThat(b.balance()).isEqualTo(Money.ofCentimes(-10));
        assertThat(b.creditLimit()).isEqualTo(Money.ofMad(50));
    }

    @Test
    void anAmountWithAFractionOfACentimeIsUnexpectedNotRounded() {
        assertThatThrownBy(() -> Fixtures.parseText("{\"balance\":9.355,\"devise\":\"MAD\",\"credit_limit\":0}",
                Balance.class))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("9.355");
    }

    @Test
    void aMissingRequiredFieldIsUnexpectedAndNamesTheField() {
        assertThatThrownBy(() -> Fixtures.parseText("{\"success\":true,\"ref_interne\":\"1\"}", RechargeResponse.class))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("field 'status_code' is missing");
        assertThatThrownBy(() -> Fixtures.parseText("{\"status_code\":1,\"ref_interne\":null}", RechargeResponse.class))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("ref_interne");
        assertThatThrownBy(() -> Fixtures.parseText("{\"items\":[{\"success\":true,\"status_code\":1}]}",
                BulkResponse.class))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("ref_interne");
    }

    @Test
    void aStatusCodeThatIsNotAnIntegerIsUnexpected() {
        assertThatThrownBy(() -> Fixtures.parseText("{\"status_code\":1.5,\"ref_interne\":\"1\"}",
                RechargeResponse.class))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("status_code");
        assertThatThrownBy(() -> Fixtures.parseText("{\"status_code\":\"queued\",\"ref_interne\":\"1\"}",
                RechargeResponse.class))
                .isInstanceOf(UnexpectedResponseException.class);
    }

    @Test
    void aBodyThatIsNotJsonOrNotAnObjectIsUnexpected() {
        assertThatThrownBy(() -> Fixtures.parseText("<html>gateway</html>", Balance.class))
                .isInstanceOf(UnexpectedResponseException.class)
                .hasMessageContaining("not JSON").hasMessageContaining("<html>gateway</html>");
        assertThatThrownBy(() -> Fixtures.parseText("[1,2]", Balance.class))
                .isInstanceOf(UnexpectedResponseException.class);
        assertThatThrownBy(() -> Fixtures.parseText("", Balance.class))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("empty body");
    }

    @Test
    void emptyAndZeroDatesMeanNotYetAndIsoDatesAreAccepted() throws Exception {
        String json = "{\"id\":\"1\",\"status_code\":1,\"created_at\":\"2026-01-09T19:21:57\",\"executed_at\":%s}";
        RechargeRecord r = Fixtures.parseText(json.formatted("\"0000-00-00 00:00:00\""), RechargeRecord.class);
        assertThat(r.createdAt()).isEqualTo(LocalDateTime.of(2026, 1, 9, 19, 21, 57));
        assertThat(r.executedAt()).isNull();
        assertThat(Fixtures.parseText(json.formatted("\"\""), RechargeRecord.class).executedAt()).isNull();
        assertThat(Fixtures.parseText(json.formatted("null"), RechargeRecord.class).executedAt()).isNull();
        assertThatThrownBy(() -> Fixtures.parseText(json.formatted("\"yesterday\""), RechargeRecord.class))
                .isInstanceOf(UnexpectedResponseException.class).hasMessageContaining("yesterday");
    }

    private static JsonNode tree(byte[] json) throws Exception {
        return ApiJson.MAPPER.readTree(json);
    }
}
