package ma.hanout.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client against the real simulator over HTTP on loopback: every endpoint in production and
 * sandbox, every error code of the reference's table reached for real, money to the centime.
 */
class ClientContractTest {
    /** Simulated delays at 1/100: a recharge goes 1 -> 2 -> 3 in about 30 ms. */
    private static final double TIME_SCALE = 0.01;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Simulator sim;
    private int sequence;

    private MoroccoTopupClient start(SimConfig.Builder config) throws Exception {
        sim = Simulator.start(config.port(0).timeScale(TIME_SCALE).build());
        return client(false);
    }

    private MoroccoTopupClient start() throws Exception {
        return start(SimConfig.builder());
    }

    private MoroccoTopupClient client(boolean sandbox) {
        return new MoroccoTopupClient(ApiConfig.of(sim.baseUrl(), sim.config().clientCode(), sim.config().apiKey())
                .withSandbox(sandbox).withRequestTimeout(Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private RechargeRequest sale(String phone, Operator operator, long mad) {
        return new RechargeRequest(Phone.parse(phone), operator, Money.ofMad(mad), new Promo(6),
                "CT-" + (++sequence));
    }

    private RechargeRequest inwi10() {
        return sale("0612345678", Operator.INWI, 10);
    }

    /** Changes the simulated account through {@code POST /_sim/account}. */
    private void simAccount(String json) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/_sim/account"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST /_sim/account %s -> %s", json, r.body()).isEqualTo(200);
    }

    private void simFaults(String spec) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(sim.rootUrl() + "/_sim/faults"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"faults\":\"" + spec + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST /_sim/faults %s -> %s", spec, r.body()).isEqualTo(200);
    }

    // --- every endpoint, production and sandbox ---

    @ParameterizedTest(name = "sandbox={0}")
    @ValueSource(booleans = {false, true})
    void everyEndpointAnswersInItsDocumentedShape(boolean sandbox) throws Exception {
        start();
        MoroccoTopupClient c = client(sandbox);

        Account me = c.me();
        assertThat(me.code()).isEqualTo(SimConfig.DEFAULT_CLIENT_CODE);
        assertThat(me.status()).isEqualTo("active");
        assertThat(me.solde()).isEqualTo(Money.ofMad(1000));
        assertThat(me.devise()).isEqualTo("MAD");

        Balance balance = c.balance();
        assertThat(balance.balance()).isEqualTo(Money.ofMad(1000));
        assertThat(balance.devise()).isEqualTo("MAD");

        PriceList prices = c.prices();
        assertThat(prices.clientCode()).isEqualTo(SimConfig.DEFAULT_CLIENT_CODE);
        assertThat(prices.forOperator(Operator.INWI)).isPresent();
        assertThat(prices.forOperator(Operator.ORANGE)).isPresent();
        assertThat(prices.forOperator(Operator.MAROC_TELECOM)).isPresent();

        RechargeRequest request = inwi10();
        RechargeResponse sent = c.recharge(request);
        assertThat(sent.success()).isTrue();
        assertThat(sent.statusCode()).isEqualTo(1);
        assertThat(sent.externalReference()).isEqualTo(request.externalReference());
        assertThat(sent.refInterne()).matches(sandbox ? "SBX-.+" : "(?!SBX-).+");

        RechargeRecord byRef = c.byRef(request.externalReference());
        assertThat(byRef.refInterne()).isEqualTo(sent.refInterne());
        assertThat(byRef.phone()).isEqualTo("0612345678");
        assertThat(byRef.knownOperator()).contains(Operator.INWI);
        assertThat(byRef.promo()).contains(new Promo(6));
        assertThat(byRef.value()).isEqualTo(Money.ofMad(10));
        assertThat(byRef.createdAt()).isNotNull();
        RechargeRecord byId = c.byId(sent.refInterne());
        assertThat(byId.externalReference()).isEqualTo(request.externalReference());

        BulkResponse bulk = c.bulk(List.of(inwi10(), sale("0661234567", Operator.MAROC_TELECOM, 20)));
        assertThat(bulk.items()).allSatisfy(i -> assertThat(i.success()).isTrue());

        HistoryPage history = c.history(1, 20);
        assertThat(history.items()).extracting(RechargeRecord::refInterne).contains(sent.refInterne());
        assertThat(history.pagination().total()).isEqualTo(3);

        WebhookConfig updated = c.updateWebhook("https://client.example/webhook", "");
        assertThat(updated.webhookUrl()).isEqualTo("https://client.example/webhook");
        assertThat(c.webhook().webhookUrl()).isEqualTo("https://client.example/webhook");

        assertThat(c.health().status()).isEqualTo("ok");
        assertThat(c.sandboxHealth().status()).isEqualTo("ok");
    }

    @Test
    void sandboxAndProductionRechargesAreKeptApart() throws Exception {
        MoroccoTopupClient production = start();
        MoroccoTopupClient sandbox = client(true);
        RechargeRequest r = inwi10();
        sandbox.recharge(r);
        assertThatThrownBy(() -> production.byRef(r.externalReference())).isInstanceOf(NotFoundException.class);
        assertThat(production.history(1, 20).pagination().total()).isZero();
        // the same reference is new to production: no duplicate across environments
        assertThat(production.recharge(r).refInterne()).doesNotStartWith("SBX-");
    }

    @Test
    void theSandboxNeverDebits() throws Exception {
        start();
        MoroccoTopupClient sandbox = client(true);
        sandbox.recharge(inwi10());
        assertThat(sandbox.balance().balance()).isEqualTo(Money.ofMad(1000));
        assertThat(client(false).balance().balance()).isEqualTo(Money.ofMad(1000));
    }

    // --- money ---

    @Test
    void tenDirhamsAtSixAndAHalfPercentBillNineThirtyFiveToTheCentime() throws Exception {
        MoroccoTopupClient c = start(SimConfig.builder().margin(Operator.INWI, new BigDecimal("6.5")));
        assertThat(c.prices().forOperator(Operator.INWI).orElseThrow().marginPercent())
                .isEqualByComparingTo("6.5");
        RechargeRequest r = inwi10();
        RechargeResponse sent = c.recharge(r);
        assertThat(sent.value()).isEqualTo(Money.ofCentimes(1000));
        assertThat(sent.billingAmount()).isEqualTo(Money.ofCentimes(935));
        assertThat(sent.balanceAfter()).isEqualTo(Money.ofCentimes(99_065));
        assertThat(c.balance().balance()).isEqualTo(Money.ofCentimes(99_065));
        assertThat(c.me().solde()).isEqualTo(Money.ofCentimes(99_065));
        assertThat(c.byRef(r.externalReference()).billingAmount()).isEqualTo(Money.ofCentimes(935));
    }

    @Test
    void aFailedRechargeIsRefunded() throws Exception {
        MoroccoTopupClient c = start();
        RechargeResponse sent = c.recharge(sale("0612340004", Operator.INWI, 10));
        assertThat(sent.balanceAfter()).isEqualTo(Money.ofCentimes(99_065));
        Eventually.await(WAIT, "status 4 (line does not exist)", () -> statusOf(c, sent.refInterne()) == 4);
        Eventually.await(WAIT, "the refund", () -> balanceOf(c).equals(Money.ofMad(1000)));
    }

    @Test
    void anOrdinaryNumberGoesQueuedThenInProgressThenDone() throws Exception {
        MoroccoTopupClient c = start();
        RechargeResponse sent = c.recharge(inwi10());
        assertThat(sent.statusCode()).isEqualTo(1);
        Eventually.await(WAIT, "status 3 (done)", () -> statusOf(c, sent.refInterne()) == 3);
        assertThat(c.byId(sent.refInterne()).executedAt()).isNotNull();
    }

    private static int statusOf(MoroccoTopupClient c, String refInterne) {
        try {
            return c.byId(refInterne).statusCode();
        } catch (ApiException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Money balanceOf(MoroccoTopupClient c) {
        try {
            return c.balance().balance();
        } catch (ApiException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    // --- every error code of the table, for real ---

    @Test
    void noCredentialsIsAuthMissing() throws Exception {
        start();
        MoroccoTopupClient anonymous = new MoroccoTopupClient(client(false).config().withCredentials("", ""));
        assertThatThrownBy(anonymous::me).isExactlyInstanceOf(AuthMissingException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(401));
    }

    @Test
    void aWrongKeyIsAuthInvalid() throws Exception {
        start();
        MoroccoTopupClient wrong = new MoroccoTopupClient(
                client(false).config().withCredentials(SimConfig.DEFAULT_CLIENT_CODE, "not-the-key"));
        assertThatThrownBy(() -> wrong.recharge(inwi10())).isExactlyInstanceOf(AuthInvalidException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(401));
    }

    @Test
    void aSuspendedAccountIsClientSuspendedAndNothingIsApplied() throws Exception {
        MoroccoTopupClient c = start();
        simAccount("{\"status\":\"suspended\"}");
        RechargeRequest r = inwi10();
        assertThatThrownBy(() -> c.recharge(r)).isExactlyInstanceOf(ClientSuspendedException.class)
                .satisfies(e -> {
                    assertThat(((ApiException) e).httpStatus()).isEqualTo(403);
                    assertThat(((ApiException) e).isDefinitive()).isTrue();
                });
        simAccount("{\"status\":\"active\"}");
        assertThatThrownBy(() -> c.byRef(r.externalReference())).isInstanceOf(NotFoundException.class);
        assertThat(c.balance().balance()).isEqualTo(Money.ofMad(1000));
    }

    @Test
    void aWhitelistWithoutThisMachineIsIpNotAllowed() throws Exception {
        MoroccoTopupClient c = start();
        c.updateWebhook("https://client.example/webhook", "1.2.3.4, 5.6.7.8");
        assertThatThrownBy(c::me).isExactlyInstanceOf(IpNotAllowedException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(403));
        simAccount("{\"ip_whitelist\":\"127.0.0.1\"}");
        assertThat(c.webhook().ipWhitelist()).isEqualTo("127.0.0.1");
    }

    @Test
    void moreThanBalanceAndCreditIsInsufficientFundsAndNothingIsDebited() throws Exception {
        MoroccoTopupClient c = start(SimConfig.builder().balance(Money.ofMad(5)));
        assertThatThrownBy(() -> c.recharge(inwi10())).isExactlyInstanceOf(InsufficientFundsException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(400));
        assertThat(c.balance().balance()).isEqualTo(Money.ofMad(5));
        simAccount("{\"credit_limit\":10}");
        assertThat(c.recharge(inwi10()).balanceAfter()).isEqualTo(Money.ofCentimes(500 - 935));
    }

    @Test
    void pastTheDailyLimitIsDailyLimitExceeded() throws Exception {
        MoroccoTopupClient c = start(SimConfig.builder().dailyLimit(Money.ofMad(15)));
        c.recharge(inwi10());
        assertThatThrownBy(() -> c.recharge(inwi10())).isExactlyInstanceOf(DailyLimitExceededException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(400));
    }

    @Test
    void aReusedReferenceIsDuplicateAndTheFirstRechargeStands() throws Exception {
        MoroccoTopupClient c = start();
        RechargeRequest r = inwi10();
        RechargeResponse first = c.recharge(r);
        assertThatThrownBy(() -> c.recharge(r)).isExactlyInstanceOf(DuplicateReferenceException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(409));
        assertThat(c.byRef(r.externalReference()).refInterne()).isEqualTo(first.refInterne());
        assertThat(c.balance().balance()).isEqualTo(Money.ofCentimes(99_065));
    }

    @Test
    void anUnknownReferenceOrIdIsNotFound() throws Exception {
        MoroccoTopupClient c = start();
        assertThatThrownBy(() -> c.byRef("NEVER-SENT")).isExactlyInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(404));
        assertThatThrownBy(() -> c.byId("000000000000000")).isExactlyInstanceOf(NotFoundException.class);
    }

    @Test
    void aWebhookUpdateWithoutUrlIsRequiredAndABadUrlIsInvalid() throws Exception {
        MoroccoTopupClient c = start();
        assertThatThrownBy(() -> c.updateWebhook(null, "")).isExactlyInstanceOf(WebhookUrlRequiredException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(400));
        assertThatThrownBy(() -> c.updateWebhook("not a url", "")).isExactlyInstanceOf(WebhookUrlInvalidException.class)
                .satisfies(e -> assertThat(((ApiException) e).httpStatus()).isEqualTo(400));
    }

    @Test
    void anotherValidationErrorOfTheServerIsAValidationExceptionWithItsCode() throws Exception {
        MoroccoTopupClient c = start();
        RechargeRequest huge = new RechargeRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(1_000_000),
                Promo.PLAIN, "CT-HUGE");
        assertThatThrownBy(() -> c.recharge(huge)).isExactlyInstanceOf(ValidationException.class)
                .satisfies(e -> {
                    ApiException a = (ApiException) e;
                    assertThat(a.httpStatus()).isEqualTo(400);
                    assertThat(a.errorCode()).isNotBlank();
                    assertThat(a.serverMessage()).isNotBlank();
                    assertThat(a.isDefinitive()).isTrue();
                    assertThat(a.mayHaveBeenApplied()).isFalse();
                });
        assertThatThrownBy(() -> c.byRef("CT-HUGE")).isInstanceOf(NotFoundException.class);
    }

    // --- bulk and history ---

    @Test
    void aBulkMixesAcceptedAndRefusedItemsInRequestOrder() throws Exception {
        MoroccoTopupClient c = start(SimConfig.builder().balance(Money.ofMad(15)));
        RechargeRequest first = inwi10();
        RechargeRequest tooMuch = inwi10();
        RechargeRequest duplicate = new RechargeRequest(Phone.parse("0612345679"), Operator.INWI, Money.ofMad(5),
                Promo.PLAIN, first.externalReference());
        BulkResponse r = c.bulk(List.of(first, tooMuch, duplicate));
        assertThat(r.items()).hasSize(3);
        assertThat(r.items().get(0).success()).isTrue();
        assertThat(r.items().get(0).refInterne()).isNotBlank();
        assertThat(r.items().get(1).success()).isFalse();
        assertThat(r.items().get(1).error()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(r.items().get(1).failure()).get().isInstanceOf(InsufficientFundsException.class);
        assertThat(r.items().get(2).error()).isEqualTo("DUPLICATE_REFERENCE");
        assertThat(r.items().get(2).failure()).get().isInstanceOf(DuplicateReferenceException.class);
        assertThat(r.balance()).isEqualTo(Money.ofCentimes(1500 - 935));
        assertThat(c.balance().balance()).isEqualTo(Money.ofCentimes(1500 - 935));
    }

    @Test
    void historyPagesThroughEveryRecharge() throws Exception {
        MoroccoTopupClient c = start();
        for (int i = 0; i < 5; i++) {
            c.recharge(inwi10());
        }
        HistoryPage first = c.history(1, 2);
        assertThat(first.items()).hasSize(2);
        assertThat(first.pagination()).isEqualTo(new Pagination(1, 2, 5));
        assertThat(first.pagination().hasNextPage()).isTrue();
        HistoryPage last = c.history(3, 2);
        assertThat(last.items()).hasSize(1);
        assertThat(last.pagination().hasNextPage()).isFalse();
    }

    // --- faults: what the engine will see ---

    @Test
    void anErrorBeforeIsAServerErrorAndNothingIsApplied() throws Exception {
        MoroccoTopupClient c = start();
        simFaults("error-before=1");
        RechargeRequest r = inwi10();
        assertThatThrownBy(() -> c.recharge(r)).isExactlyInstanceOf(ServerErrorException.class)
                .satisfies(e -> assertThat(((ApiException) e).mayHaveBeenApplied()).isTrue());
        assertThatThrownBy(() -> c.byRef(r.externalReference())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anErrorAfterIsAServerErrorAndTheRechargeIsFoundByReference() throws Exception {
        MoroccoTopupClient c = start();
        simFaults("error-after=1");
        RechargeRequest r = inwi10();
        assertThatThrownBy(() -> c.recharge(r)).isExactlyInstanceOf(ServerErrorException.class);
        assertThat(c.byRef(r.externalReference()).externalReference()).isEqualTo(r.externalReference());
    }

    @Test
    void aHeldAnswerIsATimeoutAndTheRechargeIsFoundByReference() throws Exception {
        start();
        // long enough for a loaded machine to deliver the request (the simulator applies it, then holds the answer)
        MoroccoTopupClient c = new MoroccoTopupClient(client(false).config().withRequestTimeout(Duration.ofSeconds(2)));
        RechargeRequest r = sale("0612349999", Operator.INWI, 10);
        assertThatThrownBy(() -> c.recharge(r)).isExactlyInstanceOf(ApiTimeoutException.class);
        // the look-up with the ordinary client: a short timeout here would only test the machine's speed
        assertThat(client(false).byRef(r.externalReference()).externalReference()).isEqualTo(r.externalReference());
    }

    @Test
    void aResetIsAConnectionLostAndTheRechargeIsFoundByReference() throws Exception {
        MoroccoTopupClient c = start();
        simFaults("reset=1");
        RechargeRequest r = inwi10();
        assertThatThrownBy(() -> c.recharge(r)).isExactlyInstanceOf(ApiConnectionLostException.class);
        assertThat(c.byRef(r.externalReference()).externalReference()).isEqualTo(r.externalReference());
    }

    @Test
    void aStoppedSimulatorIsUnreachable() throws Exception {
        start();
        sim.close();
        // a fresh client: one that had a pooled connection would see that connection die instead
        MoroccoTopupClient c = client(false);
        assertThatThrownBy(() -> c.recharge(inwi10())).isExactlyInstanceOf(ApiUnreachableException.class)
                .satisfies(e -> assertThat(((ApiException) e).mayHaveBeenApplied()).isFalse());
        sim = null;
    }
}
