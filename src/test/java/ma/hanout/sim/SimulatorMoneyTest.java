package ma.hanout.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import ma.hanout.domain.Money;
import ma.hanout.testing.Eventually;

/** Billing, debit, refund, credit limit and daily limit: the balance always matches what was sold. */
class SimulatorMoneyTest {
    private Simulator sim;
    private SimHttp http;

    private SimHttp start(SimConfig.Builder config) throws Exception {
        return start(config, 0.001);
    }

    private SimHttp start(SimConfig.Builder config, double timeScale) throws Exception {
        sim = Simulator.start(config.timeScale(timeScale).build());
        http = new SimHttp(sim);
        return http;
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private BigDecimal balance() {
        return http.get("/balance").json().get("balance").decimalValue();
    }

    private void awaitStatus(String ref, int code) {
        Eventually.await(Duration.ofSeconds(30), ref + " in status " + code,
                () -> http.get("/recharge/by-ref/" + ref).json().get("status_code").asInt() == code);
    }

    @ParameterizedTest(name = "{0} {1} MAD bills {2}")
    @CsvSource({"Inwi, 10, 9.35", "Orange, 10, 9.35", "Maroc Telecom, 10, 9.5", "Inwi, 3.33, 3.11",
        "Orange, 10.50, 9.82", "Maroc Telecom, 0.01, 0.01", "Inwi, 100, 93.5"})
    void billingIsValueTimesOneMinusTheOperatorsMarginToTheCentime(String operator, String value, String billing)
            throws Exception {
        start(SimConfig.builder());
        SimHttp.Answer a = http.recharge("0612345678", operator, value, "M-1");
        assertThat(a.json().get("billing_amount").decimalValue()).isEqualByComparingTo(billing);
        BigDecimal expectedBalance = new BigDecimal("1000").subtract(new BigDecimal(billing));
        assertThat(a.json().get("balance_after").decimalValue()).isEqualByComparingTo(expectedBalance);
        assertThat(balance()).isEqualByComparingTo(expectedBalance);
        assertThat(http.get("/me").json().get("solde").decimalValue()).isEqualByComparingTo(expectedBalance);
    }

    @Test
    void aNegativeMarginBillsMoreThanFaceValue() throws Exception {
        start(SimConfig.builder().margin(ma.hanout.domain.Operator.INWI, new BigDecimal("-3.0")));
        assertThat(http.recharge("0612345678", "Inwi", 10, null).json().get("billing_amount").decimalValue())
                .isEqualByComparingTo("10.30");
        assertThat(http.get("/prices").json().get("prices").get(1).get("margin_percent").decimalValue())
                .isEqualByComparingTo("-3.0");
    }

    @Test
    void balanceAfterAndBalanceAgreeAcrossManyRecharges() throws Exception {
        start(SimConfig.builder());
        BigDecimal last = null;
        for (int i = 0; i < 10; i++) {
            last = http.recharge("0612345678", i % 2 == 0 ? "Inwi" : "Maroc Telecom", 5 + i, null).json()
                    .get("balance_after").decimalValue();
        }
        assertThat(balance()).isEqualByComparingTo(last);
    }

    @Test
    void aFailedRechargeIsRefundedWhenItEnds() throws Exception {
        start(SimConfig.builder());
        SimHttp.Answer a = http.recharge("0612340004", "Inwi", 10, "FAIL-4");
        assertThat(a.json().get("balance_after").decimalValue()).isEqualByComparingTo("990.65");
        awaitStatus("FAIL-4", 4);
        assertThat(balance()).isEqualByComparingTo("1000");
    }

    @Test
    void aRefundedRechargeGivesTheMoneyBack() throws Exception {
        start(SimConfig.builder());
        http.recharge("0612340011", "Orange", 20, "REF-11");
        awaitStatus("REF-11", 11);
        assertThat(balance()).isEqualByComparingTo("1000");
    }

    @Test
    void aSuccessfulRechargeStaysDebited() throws Exception {
        start(SimConfig.builder());
        http.recharge("0612345678", "Orange", 20, "OK-3");
        awaitStatus("OK-3", 3);
        assertThat(balance()).isEqualByComparingTo("981.30");
    }

    @Test
    void aSecondAttemptThatSucceedsIsNotRefundedAndOneThatFailsIs() throws Exception {
        start(SimConfig.builder());
        http.recharge("0612340103", "Inwi", 10, "RETRY-OK");
        http.recharge("0612340105", "Inwi", 10, "RETRY-KO");
        awaitStatus("RETRY-OK", 3);
        awaitStatus("RETRY-KO", 5);
        assertThat(balance()).isEqualByComparingTo("990.65");
    }

    @Test
    void theBalanceMayGoDownToMinusTheCreditLimitAndNoFurther() throws Exception {
        start(SimConfig.builder().balance(Money.ofMad(5)).creditLimit(Money.ofMad(10)));
        SimHttp.Answer first = http.recharge("0612345678", "Inwi", 10, "C-1");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("balance_after").decimalValue()).isEqualByComparingTo("-4.35");
        SimHttp.Answer second = http.recharge("0612345678", "Inwi", 10, "C-2");
        assertThat(second.status()).isEqualTo(400);
        assertThat(second.code()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(balance()).isEqualByComparingTo("-4.35");
        assertThat(http.get("/balance").json().get("credit_limit").decimalValue()).isEqualByComparingTo("10");
        assertThat(http.get("/recharge/by-ref/C-2").code()).isEqualTo("NOT_FOUND");
        SimHttp.Answer exact = http.recharge("0612345678", "Maroc Telecom", "5.95", "C-3");
        assertThat(exact.status()).isEqualTo(200);
        assertThat(exact.json().get("balance_after").decimalValue()).isEqualByComparingTo("-10.00");
    }

    @Test
    void withoutCreditAnEmptyAccountIsRefusedAndTheReferenceStaysFree() throws Exception {
        start(SimConfig.builder().balance(Money.ofMad(9)));
        assertThat(http.recharge("0612345678", "Inwi", 10, "EMPTY-1").code()).isEqualTo("INSUFFICIENT_FUNDS");
        http.simPost("/_sim/account", "{\"balance\":100}");
        SimHttp.Answer again = http.recharge("0612345678", "Inwi", 10, "EMPTY-1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("balance_after").decimalValue()).isEqualByComparingTo("90.65");
    }

    @Test
    void theDailyLimitCapsTheDaysTotalOfBillingAmounts() throws Exception {
        start(SimConfig.builder().dailyLimit(Money.ofMad(20)));
        // numbers ending in 0001 stay queued: nothing is refunded behind the test's back
        assertThat(http.recharge("0612340001", "Inwi", 10, "D-1").status()).isEqualTo(200);
        assertThat(http.recharge("0612340001", "Inwi", 10, "D-2").status()).isEqualTo(200);
        SimHttp.Answer third = http.recharge("0612340001", "Inwi", 10, "D-3");
        assertThat(third.status()).isEqualTo(400);
        assertThat(third.code()).isEqualTo("DAILY_LIMIT_EXCEEDED");
        assertThat(http.get("/recharge/by-ref/D-3").code()).isEqualTo("NOT_FOUND");
        assertThat(balance()).isEqualByComparingTo("981.30");
        assertThat(http.recharge("0612340001", "Maroc Telecom", 1, "D-4").status()).isEqualTo(200);
        assertThat(http.simGet("/_sim/account").json().get("spent_today").decimalValue()).isEqualByComparingTo("19.65");
    }

    @Test
    void aFailedRechargeFreesItsShareOfTheDailyLimit() throws Exception {
        start(SimConfig.builder().dailyLimit(Money.ofMad(10)));
        assertThat(http.recharge("0612340004", "Inwi", 10, "F-1").status()).isEqualTo(200);
        awaitStatus("F-1", 4);
        assertThat(http.recharge("0612340001", "Inwi", 10, "F-2").status()).isEqualTo(200);
        assertThat(http.recharge("0612340001", "Inwi", 1, "F-3").code()).isEqualTo("DAILY_LIMIT_EXCEEDED");
    }

    @Test
    void theSandboxNeverDebitsNorChecksFunds() throws Exception {
        start(SimConfig.builder().balance(Money.ZERO).dailyLimit(Money.ofMad(1)));
        SimHttp.Answer a = http.postSandbox("/recharge", SimHttp.rechargeBody("0612340004", "Inwi", 10, "SB-M"));
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.json().get("billing_amount").decimalValue()).isEqualByComparingTo("9.35");
        assertThat(a.json().get("balance_after").decimalValue()).isEqualByComparingTo("0");
        Eventually.await(Duration.ofSeconds(30), "sandbox recharge ends in 4",
                () -> http.getSandbox("/recharge/by-ref/SB-M").json().get("status_code").asInt() == 4);
        assertThat(balance()).isEqualByComparingTo("0");
    }

    @Test
    void concurrentRechargesNeverOverdrawTheAccount() throws Exception {
        start(SimConfig.builder().balance(new Money(93_50)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SimHttp.Answer>> answers = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String ref = "PAR-" + i;
                answers.add(pool.submit(() -> http.recharge("0612345678", "Inwi", 10, ref)));
            }
            int accepted = 0;
            for (Future<SimHttp.Answer> f : answers) {
                SimHttp.Answer a = f.get();
                if (a.status() == 200) {
                    accepted++;
                } else {
                    assertThat(a.code()).isEqualTo("INSUFFICIENT_FUNDS");
                }
            }
            assertThat(accepted).isEqualTo(10);
            assertThat(balance()).isEqualByComparingTo("0");
        } finally {
            pool.shutdownNow();
        }
    }
}
