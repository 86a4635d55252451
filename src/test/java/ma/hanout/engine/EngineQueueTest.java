package ma.hanout.engine;

import ma.hanout.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Offline queueing, held sales, cancel and send-now, against a real simulator that comes and goes. */
class EngineQueueTest {
    @TempDir
    Path dir;

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void offlineSalesAreQueuedOnDiskAndSentOnceWhenTheApiAnswersAgain() throws Exception {
        int port = freePort();
        SimConfig simConfig = EngineHarness.sim().port(port).build();
        String baseUrl = "http://127.0.0.1:" + port + "/rest/V1/recharge-api";
        EngineConfig config = EngineHarness.fastConfig(Duration.ofMillis(500));
        try (Database db = Database.open(dir.resolve("hanout.db"))) {
            SaleEngine engine = SaleEngine.create(db, new ma.hanout.api.MoroccoTopupClient(new ma.hanout.api.ApiConfig(
                    baseUrl, SimConfig.DEFAULT_CLIENT_CODE, SimConfig.DEFAULT_API_KEY, false, Duration.ofSeconds(1),
                    Duration.ofMillis(500))), config, EngineHarness.DEMO_ACCOUNT);
            Sale a = engine.sell(SaleRequest.of(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                    Sale.Origin.COUNTER));
            Sale b = engine.sell(SaleRequest.of(Phone.parse("0698765432"), Operator.ORANGE, Money.ofMad(20), Promo.PLAIN,
                    Sale.Origin.COUNTER));
            SaleEngine.DrainResult offline = engine.drain(false, Duration.ofSeconds(5), false);
            assertThat(offline.settled()).isFalse();
            assertThat(engine.find(a.externalReference()).orElseThrow().state()).isEqualTo(SaleState.QUEUED);
            assertThat(engine.find(a.externalReference()).orElseThrow().errorCode()).isEqualTo("OFFLINE");
            assertThat(engine.status().connectivity()).isEqualTo(Connectivity.OFFLINE);
            assertThat(engine.status().queued()).isEqualTo(2);
            // never sent: it may still be cancelled
            assertThat(engine.reads().queue()).allMatch(q -> !q.sent());

            try (Simulator sim = Simulator.start(simConfig)) {
                SaleEngine.DrainResult online = engine.drain(true, Duration.ofSeconds(20), false);
                assertThat(online.settled()).isTrue();
                assertThat(engine.status().connectivity()).isEqualTo(Connectivity.ONLINE);
                var server = EngineHarness.simRecharges(sim);
                assertThat(server.get(a.externalReference())).hasSize(1);
                assertThat(server.get(b.externalReference())).hasSize(1);
                assertThat(engine.find(b.externalReference()).orElseThrow().state()).isEqualTo(SaleState.ACCEPTED);
            }
            engine.close();
        }
    }

    @Test
    void aSaleQueuedLongerThanTheMaximumAgeWaitsForAPersonThenSendNowSendsIt() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-22T09:00:00Z"));
        try (Simulator sim = Simulator.start(EngineHarness.sim().build());
                Database db = Database.open(dir.resolve("hanout.db"))) {
            EngineConfig config = EngineHarness.fastConfig(Duration.ofSeconds(2)).withQueueMaxAge(Duration.ofMinutes(60));
            config = new EngineConfig(clock, config.requestTimeout(), config.queueMaxAge(), config.backoffInitial(),
                    config.backoffMax(), config.bulkSize(), config.failedWatch(), config.watchWindow(),
                    config.historySyncEvery(), config.relaySlowdown());
            SaleEngine engine = SaleEngine.create(db, EngineHarness.client(sim, Duration.ofSeconds(2)), config,
                    EngineHarness.DEMO_ACCOUNT);
            Sale old = engine.sell(SaleRequest.of(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                    Sale.Origin.COUNTER));
            clock.advance(Duration.ofMinutes(61));

            SaleEngine.DrainResult r = engine.drain(true, Duration.ofSeconds(5), false);
            assertThat(r.settled()).isFalse();
            assertThat(EngineHarness.simRecharges(sim)).doesNotContainKey(old.externalReference());
            assertThat(engine.reads().queue()).singleElement().satisfies(q -> assertThat(q.held()).isTrue());
            assertThat(engine.status().held()).isEqualTo(1);

            engine.sendNow(old.externalReference());
            assertThat(engine.drain(true, Duration.ofSeconds(30), false).settled()).isTrue();
            assertThat(EngineHarness.simRecharges(sim).get(old.externalReference())).hasSize(1);
            assertThat(engine.reads().timeline(old.externalReference())).extracting(e -> e.source())
                    .contains(TimelineSource.PERSON);
            engine.close();
        }
    }

    @Test
    void onlyASaleThatWasNeverSentCanBeCancelled() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            Sale keep = h.sell("0612345678", Operator.INWI, 10);
            Sale drop = h.sell("0612345679", Operator.INWI, 10);
            h.engine.cancel(drop.externalReference());
            assertThat(h.engine.find(drop.externalReference()).orElseThrow().state()).isEqualTo(SaleState.CANCELLED);
            assertThat(h.engine.drain(true, Duration.ofSeconds(30), false).settled()).isTrue();
            assertThatThrownBy(() -> h.engine.cancel(keep.externalReference()))
                    .isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("sale.cancel_refused"));
            var server = h.simRecharges();
            assertThat(server).containsKey(keep.externalReference()).doesNotContainKey(drop.externalReference());
        }
    }

    @Test
    void aCancelLandingOnAnOfflineRetryWaitsForItAndCancels() throws Exception {
        int port = freePort(); // nothing listens: every try is refused at once
        EngineConfig config = EngineHarness.fastConfig(Duration.ofMillis(500)).withBackoff(Duration.ofMillis(2),
                Duration.ofMillis(4));
        try (Database db = Database.open(dir.resolve("hanout.db"))) {
            SaleEngine engine = SaleEngine.create(db, new ma.hanout.api.MoroccoTopupClient(new ma.hanout.api.ApiConfig(
                    "http://127.0.0.1:" + port + "/rest/V1/recharge-api", SimConfig.DEFAULT_CLIENT_CODE,
                    SimConfig.DEFAULT_API_KEY, false, Duration.ofMillis(300), Duration.ofMillis(500))), config,
                    EngineHarness.DEMO_ACCOUNT);
            java.util.List<Sale> sold = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sold.add(engine.sell(SaleRequest.of(Phone.parse(EngineHarness.ordinaryNumber(i)), Operator.INWI,
                        Money.ofMad(10), Promo.PLAIN, Sale.Origin.COUNTER)));
            }
            engine.start(); // the worker now retries them every few milliseconds
            for (Sale s : sold) {
                assertThat(engine.cancel(s.externalReference()).state()).isEqualTo(SaleState.CANCELLED);
            }
            engine.close();
        }
    }

    @Test
    void aSaleSentIntoATimeoutIsNeverCancellableAndIsAdoptedByReference() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            Sale s = h.sell("0612349999", Operator.ORANGE, 10); // the simulator applies it and never answers
            h.engine.drain(false, Duration.ofSeconds(5), false);
            Sale after = h.engine.find(s.externalReference()).orElseThrow();
            assertThat(after.state()).isIn(SaleState.UNCERTAIN, SaleState.ACCEPTED);
            if (after.state() == SaleState.UNCERTAIN) {
                assertThatThrownBy(() -> h.engine.cancel(s.externalReference())).isInstanceOf(DomainException.class);
            }
            assertThat(h.engine.drain(true, Duration.ofSeconds(30), false).settled()).isTrue();
            Sale adopted = h.engine.find(s.externalReference()).orElseThrow();
            assertThat(adopted.state()).isEqualTo(SaleState.ACCEPTED);
            assertThat(h.simRecharges().get(s.externalReference())).hasSize(1)
                    .first().satisfies(n -> assertThat(n.get("ref_interne").asText()).isEqualTo(adopted.refInterne()));
            assertThat(h.engine.reads().timeline(s.externalReference())).extracting(e -> e.detail())
                    .anyMatch(d -> d != null && d.contains("adopted"));
        }
    }

    @Test
    void aDuplicateReferenceOnSendIsAdoptedNotSoldTwice() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            // another terminal already sold under this reference
            var other = EngineHarness.client(h.sim, Duration.ofSeconds(2));
            var first = other.recharge(new ma.hanout.api.RechargeRequest(Phone.parse("0612345678"), Operator.INWI,
                    Money.ofMad(10), Promo.PLAIN, "SHOP-42"));
            Sale s = h.engine.sell(new SaleRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                    "SHOP-42", Sale.Origin.CLI, null));
            assertThat(h.engine.drain(true, Duration.ofSeconds(30), false).settled()).isTrue();
            Sale adopted = h.engine.find(s.externalReference()).orElseThrow();
            assertThat(adopted.state()).isEqualTo(SaleState.ACCEPTED);
            assertThat(adopted.refInterne()).isEqualTo(first.refInterne());
            assertThat(h.simRecharges().get("SHOP-42")).hasSize(1);
        }
    }

    @Test
    void aReferenceTakenOnTheServerByAnotherRechargeIsNeverAdoptedAsThisSale() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            var other = EngineHarness.client(h.sim, Duration.ofSeconds(2));
            other.recharge(new ma.hanout.api.RechargeRequest(Phone.parse("0622222222"), Operator.ORANGE,
                    Money.ofMad(10), Promo.PLAIN, "ORDER-7"));
            // the same reference, reused for another customer (a fresh data folder, an integrator's own --ref)
            Sale s = h.engine.sell(new SaleRequest(Phone.parse("0611111111"), Operator.INWI, Money.ofMad(20), Promo.PLAIN,
                    "ORDER-7", Sale.Origin.CLI, null));
            assertThat(h.engine.drain(true, Duration.ofSeconds(30), false).settled()).isTrue();
            Sale refused = h.engine.find(s.externalReference()).orElseThrow();
            assertThat(refused.state()).isEqualTo(SaleState.REJECTED);
            assertThat(refused.errorCode()).isEqualTo("DUPLICATE_REFERENCE");
            assertThat(refused.errorMessage()).contains("another recharge").contains("0622222222");
            assertThat(refused.refInterne()).isNull();
        }
    }

    @Test
    void aReferenceAlreadyUsedLocallyIsRefusedBeforeAnythingIsSent() {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            SaleRequest r = new SaleRequest(Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                    "MINE-1", Sale.Origin.CLI, null);
            h.engine.sell(r);
            assertThatThrownBy(() -> h.engine.sell(r)).isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).code()).isEqualTo("reference.duplicate"));
        }
    }

    @Test
    void twoEnginesOnOneDataFolderNeverSendOneSaleTwice() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim().faults("latency=3ms"));
                Database db2 = Database.open(dir.resolve("hanout.db"))) {
            SaleEngine second = SaleEngine.create(db2, EngineHarness.client(h.sim, Duration.ofSeconds(2)),
                    EngineHarness.fastConfig(Duration.ofSeconds(2)).withBulkSize(3), EngineHarness.DEMO_ACCOUNT);
            List<Sale> sold = h.sellMany(60);
            Thread other = new Thread(() -> {
                try {
                    second.drain(true, Duration.ofSeconds(30), false);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            other.start();
            h.engine.drain(true, Duration.ofSeconds(30), false);
            other.join();
            var report = EngineHarness.checkPromises(h.localSales(sold), h.simRecharges());
            assertThat(report.duplicated()).as(report.toString()).isZero();
            assertThat(report.lost()).as(report.toString()).isZero();
            assertThat(EngineHarness.settledLocally(h.localSales(sold))).isTrue();
            second.close();
        }
    }

    @Test
    void salesMadeElsewhereAreBroughtInByHistorySync() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            var other = EngineHarness.client(h.sim, Duration.ofSeconds(2));
            other.recharge(new ma.hanout.api.RechargeRequest(Phone.parse("0661000001"), Operator.MAROC_TELECOM,
                    Money.ofMad(20), Promo.PLAIN, "WEB-1"));
            other.recharge(new ma.hanout.api.RechargeRequest(Phone.parse("0661000002"), Operator.ORANGE,
                    Money.ofMad(5), new Promo(6), "WEB-2"));
            SaleEngine.SyncResult r = h.engine.sync();
            assertThat(r.historyAdded()).isEqualTo(2);
            Sale web = h.engine.find("WEB-2").orElseThrow();
            assertThat(web.origin()).isEqualTo(Sale.Origin.REMOTE);
            assertThat(web.state()).isEqualTo(SaleState.ACCEPTED);
            assertThat(web.promo()).isEqualTo(new Promo(6));
            assertThat(web.value()).isEqualTo(Money.ofMad(5));
            assertThat(h.engine.sync().historyAdded()).isZero();
        }
    }

    @Test
    void statusNeverMovesBackwardsOnALateReport() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            Sale s = h.sell("0612345678", Operator.INWI, 10);
            h.engine.drain(true, Duration.ofSeconds(10), false);
            String ref = h.engine.find(s.externalReference()).orElseThrow().refInterne();
            h.engine.applyServerReport(report(ref, s.externalReference(), 3), TimelineSource.RELAY);
            h.engine.applyServerReport(report(ref, s.externalReference(), 2), TimelineSource.RELAY);
            h.engine.applyServerReport(report(ref, s.externalReference(), 1), TimelineSource.RELAY);
            assertThat(h.engine.find(s.externalReference()).orElseThrow().status().code()).isEqualTo(3);
            assertThat(h.engine.reads().timeline(s.externalReference())).extracting(e -> e.status() == null ? null : e.status().code())
                    .filteredOn(java.util.Objects::nonNull).containsSubsequence(1, 3).doesNotContainSequence(3, 2);
        }
    }

    private static ServerRecharge report(String refInterne, String ref, int code) {
        return new ServerRecharge(refInterne, ref, null, null, null, null, null,
                ma.hanout.domain.RechargeStatus.of(code), null, null);
    }

    static Clock system() {
        return Clock.systemUTC();
    }

    @Test
    void anEngineSendsOnlyTheSalesOfItsOwnAccountAndLeavesTheOthersAsTheyAre() throws Exception {
        try (EngineHarness h = EngineHarness.start(dir, EngineHarness.sim())) {
            // a sale queued on the production account, then the folder reopened in demo mode
            ma.hanout.domain.SaleAccount production = new ma.hanout.domain.SaleAccount(
                    ma.hanout.domain.Environment.PRODUCTION, "API-SHOP-0042");
            Sale real = Sale.newQueued("HN-REAL-0001", Phone.parse("0612345678"), Operator.INWI, Money.ofMad(10),
                    Promo.PLAIN, Sale.Origin.COUNTER, java.time.Instant.now(), production);
            new ma.hanout.store.SaleStore(h.db).insert(real);
            Sale demo = h.sell("0698765432", Operator.ORANGE, 20);

            SaleEngine.DrainResult r = h.engine.drain(true, Duration.ofSeconds(20), true);

            assertThat(r.settled()).as("only its own account counts as its queue").isTrue();
            assertThat(h.engine.reads().queue()).isEmpty();
            var server = h.simRecharges();
            assertThat(server).containsKey(demo.externalReference()).doesNotContainKey(real.externalReference());
            Sale kept = h.engine.find(real.externalReference()).orElseThrow();
            assertThat(kept.state()).isEqualTo(SaleState.QUEUED);
            assertThat(kept.account()).isEqualTo(production);
            assertThat(h.engine.find(demo.externalReference()).orElseThrow().account())
                    .isEqualTo(EngineHarness.DEMO_ACCOUNT);
            assertThatThrownBy(() -> h.engine.sendNow(real.externalReference())).isInstanceOf(DomainException.class)
                    .hasMessageContaining("production");
            // what the demo server says about recharges never touches the production sale
            h.engine.applyServerReport(new ServerRecharge("1", real.externalReference(), "0612345678", "Inwi",
                    Money.ofMad(10), "0", Money.ofMad(9), ma.hanout.domain.RechargeStatus.of(3), null, null),
                    TimelineSource.RELAY);
            assertThat(h.engine.find(real.externalReference()).orElseThrow().state()).isEqualTo(SaleState.QUEUED);
        }
    }
}
