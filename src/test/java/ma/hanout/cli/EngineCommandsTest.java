package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.domain.Money;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine commands of DESIGN section 4, run in-process against a real simulator over HTTP. */
class EngineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Simulator sim;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void startSimulator() throws IOException {
        sim = Simulator.start(SimConfig.builder().port(0).timeScale(0.002).balance(Money.ofMad(100)).build());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private int run(String... args) {
        return runAgainst(sim.baseUrl(), args);
    }

    private int runAgainst(String baseUrl, String... args) {
        return runWithKey(baseUrl, SimConfig.DEFAULT_API_KEY, args);
    }

    private int runWithKey(String baseUrl, String apiKey, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", baseUrl, "--client-code", SimConfig.DEFAULT_CLIENT_CODE, "--api-key",
                apiKey, "--home", home.toString(), "--request-timeout", "2000"));
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private JsonNode json() throws IOException {
        return JSON.readTree(out.toString());
    }

    @Test
    void sellWaitsForTheFinalStatusAndPrintsTheSaleAsJson() throws Exception {
        assertThat(run("sell", "--phone", "06 12 34 56 78", "--operator", "Inwi", "--value", "10", "--json")).as(err.toString())
                .isZero();
        JsonNode s = json();
        assertThat(s.get("state").asText()).isEqualTo("ACCEPTED");
        assertThat(s.get("status_code").asInt()).isEqualTo(3);
        assertThat(s.get("phone").asText()).isEqualTo("0612345678");
        assertThat(s.get("operator").asText()).isEqualTo("Inwi");
        assertThat(s.get("value").decimalValue()).isEqualByComparingTo("10");
        assertThat(s.get("type").asText()).isEqualTo("0");
        assertThat(s.get("billing_amount").decimalValue()).isEqualByComparingTo("9.35");
        assertThat(s.get("ref_interne").asText()).isNotBlank();
        assertThat(s.get("error").isNull()).isTrue();
        assertThat(s.get("external_reference").asText()).startsWith("HN-");
        assertThat(s.get("created_at").asText()).endsWith("Z");
    }

    @Test
    void aFailedRechargeExitsOneWithItsStatus() throws Exception {
        assertThat(run("sell", "--phone", "0612340004", "--operator", "Orange", "--value", "5", "--json")).isEqualTo(1);
        assertThat(json().get("status_code").asInt()).isEqualTo(4);
        assertThat(run("sell", "--phone", "0612340005", "--operator", "Orange", "--value", "5")).isEqualTo(1);
        assertThat(err.toString()).contains("not delivered: status 5");
        assertThat(run("sell", "--phone", "0612340004", "--operator", "Orange", "--value", "5")).isEqualTo(1);
        assertThat(out.toString()).as("the outcome first, the state after")
                .startsWith("failed: this line does not exist; give the money back").contains("(state ACCEPTED, status 4)");
    }

    @Test
    void aRejectedSaleExitsOneWithTheServersErrorCode() throws Exception {
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "500", "--ref", "BIG-1", "--json"))
                .isEqualTo(1);
        JsonNode s = json();
        assertThat(s.get("state").asText()).isEqualTo("REJECTED");
        assertThat(s.get("error").asText()).isEqualTo("INSUFFICIENT_FUNDS");
        assertThat(s.get("external_reference").asText()).isEqualTo("BIG-1");
    }

    @Test
    void badFlagsExitTwoWithAClearMessage() {
        assertThat(run("sell", "--phone", "0512345678", "--operator", "Inwi", "--value", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("--phone").contains("06 or 07");
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Vodafone", "--value", "10")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown operator 'Vodafone'");
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "ten")).isEqualTo(2);
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi")).isEqualTo(2);
        assertThat(err.toString()).contains("--value");
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10", "--type", "12")).isEqualTo(2);
        assertThat(run("sell", "--batch", "x.csv", "--phone", "0612345678")).isEqualTo(2);
        assertThat(run("queue", "--request-timeout", "5")).isEqualTo(2);
        assertThat(run("drain", "--timeout", "0")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aBatchSellsTheGoodLinesAndReportsEachBadOneWithItsLineNumber() throws Exception {
        Path csv = home.resolve("batch.csv");
        Files.writeString(csv, """
                phone,operator,value,type,external_reference
                0612345678,Inwi,10,0,B-1
                0612345679,orange,5,*6,B-2
                06123,Inwi,10,0,B-3

                0612345680,Vodafone,10,0,B-4
                "06 61 00 00 07",Maroc Telecom,20,0,B-5
                0612345681,Inwi,abc,0,B-6
                """);
        assertThat(run("sell", "--batch", csv.toString(), "--json")).isEqualTo(1);
        assertThat(err.toString()).contains("line 4:").contains("too short").contains("line 6:").contains("Vodafone")
                .contains("line 8:");
        JsonNode sold = json();
        assertThat(sold).hasSize(3);
        assertThat(sold.get(0).get("external_reference").asText()).isEqualTo("B-1");
        assertThat(sold.get(1).get("type").asText()).isEqualTo("6");
        assertThat(sold.get(2).get("operator").asText()).isEqualTo("Maroc Telecom");
        // 0661000007 ends in status 7 (the scenario), the others succeed
        assertThat(sold.get(2).get("status_code").asInt()).isEqualTo(7);
        assertThat(sold.get(0).get("status_code").asInt()).isEqualTo(3);
    }

    @Test
    void aBatchWithoutTheRequiredHeaderIsBadUsage() throws Exception {
        Path csv = home.resolve("bad.csv");
        Files.writeString(csv, "number,op,amount\n0612345678,Inwi,10\n");
        assertThat(run("sell", "--batch", csv.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("phone,operator,value,type").contains("missing");
        assertThat(run("sell", "--batch", home.resolve("nope.csv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    @Test
    void offlineSalesWaitInTheQueueAndDrainSettlesThemWhenTheApiIsBack() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String down = "http://127.0.0.1:" + port + "/rest/V1/recharge-api";
        assertThat(runAgainst(down, "sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10", "--no-wait",
                "--json")).as(err.toString()).isZero();
        assertThat(json().get("state").asText()).isEqualTo("QUEUED");
        assertThat(json().get("error").asText()).isEqualTo("OFFLINE");
        assertThat(runAgainst(down, "queue", "--json")).isZero();
        assertThat(json()).hasSize(1);
        assertThat(json().get(0).get("sent").asBoolean()).isFalse();
        assertThat(runAgainst(down, "drain")).isEqualTo(1);

        try (Simulator back = Simulator.start(SimConfig.builder().port(port).timeScale(0.002).build())) {
            assertThat(runAgainst(back.baseUrl(), "drain", "--until-settled", "--timeout", "20")).as(err.toString()).isZero();
            assertThat(out.toString()).contains("settled");
            assertThat(runAgainst(back.baseUrl(), "queue", "--json")).isZero();
            assertThat(json()).isEmpty();
        }
    }

    @Test
    void aSaleQueuedTooLongIsHeldByDrainAndSentOnlyWithIncludeHeld() throws Exception {
        // a sale queued two hours ago (the shop was offline all morning)
        try (ma.hanout.store.Database db = ma.hanout.store.Database.openInHome(home)) {
            java.time.Instant twoHoursAgo = java.time.Instant.now().minus(java.time.Duration.ofHours(2));
            new ma.hanout.store.SaleStore(db).insert(ma.hanout.domain.Sale.newQueued("OLD-1",
                    ma.hanout.domain.Phone.parse("0612345678"), ma.hanout.domain.Operator.INWI, Money.ofMad(10),
                    ma.hanout.domain.Promo.PLAIN, ma.hanout.domain.Sale.Origin.COUNTER, twoHoursAgo,
                    new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.PRODUCTION, ma.hanout.sim.SimConfig.DEFAULT_CLIENT_CODE)));
        }
        assertThat(run("drain", "--until-settled", "--timeout", "10")).isEqualTo(1);
        assertThat(out.toString()).contains("OLD-1").contains("held");
        assertThat(run("queue", "--json")).isZero();
        assertThat(json().get(0).get("held").asBoolean()).isTrue();
        assertThat(ma.hanout.engine.EngineHarnessAccess.simHas(sim, "OLD-1")).isFalse();

        assertThat(run("drain", "--until-settled", "--include-held", "--timeout", "20")).as(err.toString()).isZero();
        assertThat(ma.hanout.engine.EngineHarnessAccess.simHas(sim, "OLD-1")).isTrue();
    }

    @Test
    void historyBalanceAndSyncReadTheLocalStateAndRefreshIt() throws Exception {
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10")).isZero();
        assertThat(run("sell", "--phone", "0698765432", "--operator", "Orange", "--value", "20")).isZero();
        assertThat(run("history", "--phone", "+212612345678", "--json")).isZero();
        assertThat(json()).hasSize(1);
        assertThat(json().get(0).get("phone").asText()).isEqualTo("0612345678");
        assertThat(run("history", "--json")).isZero();
        assertThat(json()).hasSize(2);
        assertThat(run("balance", "--json")).isZero();
        // 100 - 9.35 - 18.70
        assertThat(json().get("balance").decimalValue()).isEqualByComparingTo("71.95");
        assertThat(run("sync")).isZero();
        assertThat(out.toString()).contains("balance 71,95");
    }

    @Test
    void balanceSaysWhyItCouldNotAskAndExitsOneShowingTheLastKnownAsSuch() throws Exception {
        assertThat(run("balance")).isZero();
        assertThat(out.toString()).startsWith("balance 100,00");

        assertThat(runWithKey(sim.baseUrl(), "wrong-key", "balance")).isEqualTo(1);
        assertThat(out.toString()).startsWith("last known balance 100,00").contains("not now");
        assertThat(err.toString()).contains("refused").contains("AUTH_INVALID");
        assertThat(runWithKey(sim.baseUrl(), "wrong-key", "balance", "--json")).isEqualTo(1);
        assertThat(json().get("fresh").asBoolean()).isFalse();
        assertThat(json().get("error").asText()).isEqualTo("AUTH_INVALID");

        String gone = sim.baseUrl();
        sim.close();
        assertThat(runAgainst(gone, "balance")).isEqualTo(1);
        assertThat(out.toString()).startsWith("last known balance 100,00");
        assertThat(err.toString()).contains("could not be reached");
        sim = Simulator.start(SimConfig.builder().port(0).build()); // for stopSimulator
    }

    @Test
    void historyTakesTheFirstDigitsOfANumberAndSyncPrintsJson() throws Exception {
        assertThat(run("sell", "--phone", "0655443322", "--operator", "Inwi", "--value", "10")).isZero();
        assertThat(run("sell", "--phone", "0612345678", "--operator", "Orange", "--value", "5")).isZero();
        assertThat(run("history", "--phone", "065544", "--json")).as(err.toString()).isZero();
        assertThat(json()).hasSize(1);
        assertThat(json().get(0).get("phone").asText()).isEqualTo("0655443322");
        assertThat(run("history", "--phone", "06", "--json")).isZero();
        assertThat(json()).hasSize(2);
        assertThat(run("history", "--phone", "06a")).isEqualTo(2);
        assertThat(run("sync", "--json")).as(err.toString()).isZero();
        assertThat(json().get("balance").decimalValue()).isLessThan(new java.math.BigDecimal("100"));
        assertThat(json().has("history_updated")).isTrue();
    }
}
