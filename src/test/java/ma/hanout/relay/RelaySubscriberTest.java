package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import ma.hanout.domain.Money;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.testing.Eventually;
import ma.hanout.webhook.IndependentHmac;
import ma.hanout.webhook.WebhookSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaySubscriberTest {
    private static final String SECRET = "demo-secret";
    private static final String TOKEN = "terminal-1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private RelayServer relay;
    private RelayClient client;
    private RelaySubscriber subscriber;

    private void startRelay(int port, String secret) {
        relay = RelayServer.start(RelayConfig.builder(port, dir.resolve("relay.db"), secret, List.of(TOKEN))
                .tiqopaySecret("whsec_tq").fedapaySecret("wh_fd").ipnPassword("pw")
                .log(new PrintStream(OutputStream.nullOutputStream())).build());
        client = new RelayClient(relay.baseUri());
    }

    private RelaySubscriberConfig subscriberConfig(Optional<String> secret) {
        return RelaySubscriberConfig.of(relay.baseUri(), TOKEN, secret).withBackoff(Duration.ofMillis(50),
                Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        if (subscriber != null) {
            subscriber.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    @Test
    void aVerifiedStatusChangeReachesTheRechargeSinkWithEveryField() {
        startRelay(0, SECRET);
        RecordingSinks sinks = new RecordingSinks();
        subscriber = sinks.subscribe(subscriberConfig(Optional.of(SECRET)));
        Eventually.await(WAIT, "connected", () -> subscriber.state() == RelayConnectionState.CONNECTED);
        assertThat(client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-0001", 1, 2)).statusCode()).isEqualTo(200);

        // the cursor is saved after the sink is handed the event: wait for both, as both are asserted
        Eventually.await(WAIT, "the event delivered and the cursor saved",
                () -> sinks.recharges.size() == 1 && "1".equals(sinks.cursor()));
        RechargeEvent e = sinks.recharges.get(0);
        assertThat(e.streamId()).isEqualTo("1");
        assertThat(e.type()).isEqualTo("recharge.status_changed");
        assertThat(e.verified()).isTrue();
        assertThat(e.oldStatus()).contains(RechargeStatus.of(1));
        assertThat(e.newStatus()).contains(RechargeStatus.of(2));
        assertThat(e.externalReference()).contains("HN-0001");
        assertThat(e.refInterne()).isPresent();
        assertThat(e.clientCode()).contains("API-DEMO-0001");
        assertThat(e.recharge().value()).contains(Money.ofMad(10));
        assertThat(e.recharge().billingAmount()).contains(Money.ofCentimes(935));
        assertThat(e.recharge().operator()).contains("Inwi");
        assertThat(e.recharge().type()).contains("6");
        assertThat(e.recharge().executedAt()).contains("2026-01-09 19:22:00");
        assertThat(sinks.cursor()).isEqualTo("1");
        assertThat(sinks.states).contains(RelayConnectionState.CONNECTED);
    }

    @Test
    void aRelayThatIsBrokenIntoCannotInventAStatus() {
        // the relay holds a secret an attacker chose; the terminal holds the real API secret
        startRelay(0, "attacker-secret");
        RecordingSinks sinks = new RecordingSinks();
        subscriber = sinks.subscribe(subscriberConfig(Optional.of(SECRET)));
        assertThat(client.postMoroccoTopup("attacker-secret", RelayClient.rechargeBody("HN-0002", 1, 3)).statusCode())
                .isEqualTo(200);
        // wait for the very things asserted on: the refusal told to the listener and the cursor moved past it
        Eventually.await(WAIT, "the forged event refused", () -> sinks.rejected.size() == 1 && "1".equals(sinks.cursor()));
        assertThat(subscriber.rejectedEvents()).isEqualTo(1);
        assertThat(sinks.recharges).isEmpty();
        assertThat(sinks.rejected).singleElement().asString().startsWith("1: ").contains("signature");
        assertThat(sinks.cursor()).isEqualTo("1");
    }

    @Test
    void withoutTheSecretTheTerminalTrustsTheRelaysCheck() {
        startRelay(0, SECRET);
        RecordingSinks sinks = new RecordingSinks();
        subscriber = sinks.subscribe(subscriberConfig(Optional.empty()));
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-0003", 2, 3));
        Eventually.await(WAIT, "delivered", () -> sinks.recharges.size() == 1);
        assertThat(sinks.recharges.get(0).verified()).isFalse();
        assertThat(sinks.recharges.get(0).newStatus()).contains(RechargeStatus.of(3));
    }

    @Test
    void paymentEventsReachThePaymentSinkWithExactAmounts() {
        startRelay(0, SECRET);
        RecordingSinks sinks = new RecordingSinks();
        subscriber = sinks.subscribe(subscriberConfig(Optional.of(SECRET)));
        long t = System.currentTimeMillis() / 1000;
        String tq = "{\"type\":\"transaction.funded\",\"data\":{\"id\":\"txn_01JQ\",\"amount\":50050,\"status\":\"funded\"}}";
        client.post("/hooks/tiqopay", tq, "tiqopay-signature", "t=" + t + ",v1=" + IndependentHmac.hex("whsec_tq", t + "." + tq));
        String fd = "{\"name\":\"transaction.approved\",\"entity\":{\"reference\":\"trx_1\",\"amount\":5000,"
                + "\"status\":\"approved\",\"currency\":{\"iso\":\"XOF\"}}}";
        client.post("/hooks/fedapay", fd, "X-FEDAPAY-SIGNATURE", "t=" + t + ",s=" + IndependentHmac.hex("wh_fd", t + "." + fd));
        String ipn = "{\"id\":\"tx-9\",\"invoice\":{\"id\":\"INV-9\",\"totalAmount\":{\"amount\":100.5,\"currency\":\"XOF\"}},"
                + "\"result\":{\"status\":\"COMPLETED\"}}";
        client.post("/hooks/ipn", ipn, "Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("u:pw".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        Eventually.await(WAIT, "three payments", () -> sinks.payments.size() == 3);
        PaymentEvent tiqopay = sinks.payments.get(0);
        assertThat(tiqopay.source()).isEqualTo(WebhookSource.TIQOPAY);
        assertThat(tiqopay.type()).isEqualTo("transaction.funded");
        assertThat(tiqopay.amount()).contains(new BigDecimal("500.50"));
        assertThat(tiqopay.currency()).contains("MAD");
        assertThat(tiqopay.reference()).contains("txn_01JQ");
        PaymentEvent fedapay = sinks.payments.get(1);
        assertThat(fedapay.amount().orElseThrow()).isEqualByComparingTo("5000");
        assertThat(fedapay.currency()).contains("XOF");
        assertThat(fedapay.reference()).contains("trx_1");
        assertThat(fedapay.status()).contains("approved");
        PaymentEvent ipnEvent = sinks.payments.get(2);
        assertThat(ipnEvent.type()).isEqualTo("COMPLETED");
        assertThat(ipnEvent.amount()).contains(new BigDecimal("100.5"));
        assertThat(ipnEvent.reference()).contains("INV-9");
        assertThat(sinks.recharges).isEmpty();
    }

    @Test
    void aRestartedTerminalResumesFromItsCursorWithoutDuplicates() {
        startRelay(0, SECRET);
        RecordingSinks first = new RecordingSinks();
        subscriber = first.subscribe(subscriberConfig(Optional.of(SECRET)));
        for (int i = 1; i <= 3; i++) {
            client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-C" + i, 1, 2));
        }
        // the cursor moves after the sink: closing before it reached 3 would replay the third event
        Eventually.await(WAIT, "three delivered and the cursor at the third",
                () -> first.recharges.size() == 3 && "3".equals(first.cursor()));
        subscriber.close();
        for (int i = 4; i <= 5; i++) {
            client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-C" + i, 1, 2));
        }
        RecordingSinks second = new RecordingSinks(first.cursor());
        subscriber = second.subscribe(subscriberConfig(Optional.of(SECRET)));
        Eventually.await(WAIT, "the two missed ones", () -> second.recharges.size() == 2);
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-C6", 1, 2));
        Eventually.await(WAIT, "and the live one", () -> second.recharges.size() == 3);
        assertThat(second.recharges).extracting(RechargeEvent::streamId).containsExactly("4", "5", "6");
    }

    @Test
    void reconnectsWhenTheRelayRestartsAndMissesNothing() {
        startRelay(0, SECRET);
        int port = relay.port();
        RecordingSinks sinks = new RecordingSinks();
        subscriber = sinks.subscribe(subscriberConfig(Optional.of(SECRET)));
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-X1", 1, 2));
        Eventually.await(WAIT, "first", () -> sinks.recharges.size() == 1);
        relay.close();
        Eventually.await(WAIT, "disconnected", () -> sinks.states.contains(RelayConnectionState.DISCONNECTED));
        startRelay(port, SECRET);
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-X2", 1, 2));
        Eventually.await(WAIT, "second after the restart", () -> sinks.recharges.size() == 2);
        // CONNECTED is published before any event is read from the stream
        assertThat(subscriber.state()).isEqualTo(RelayConnectionState.CONNECTED);
        assertThat(sinks.recharges).extracting(RechargeEvent::streamId).containsExactly("1", "2");
        assertThat(sinks.states).contains(RelayConnectionState.DISCONNECTED);
    }

    @Test
    void aSilentStreamIsReopened() {
        startRelay(0, SECRET);
        relay.close();
        // a relay whose heartbeats never come: the subscriber gives up on the stream and reconnects
        relay = RelayServer.start(RelayConfig.builder(0, dir.resolve("relay.db"), SECRET, List.of(TOKEN))
                .heartbeat(Duration.ofHours(1)).log(new PrintStream(OutputStream.nullOutputStream())).build());
        AtomicInteger connects = new AtomicInteger();
        RecordingSinks sinks = new RecordingSinks() {
            @Override
            public void onStateChanged(RelayConnectionState state, String detail) {
                super.onStateChanged(state, detail);
                if (state == RelayConnectionState.CONNECTED) {
                    connects.incrementAndGet();
                }
            }
        };
        subscriber = sinks.subscribe(subscriberConfig(Optional.empty()).withIdleTimeout(Duration.ofMillis(500)));
        Eventually.await(WAIT, "reconnected after silence", () -> connects.get() >= 2);
        assertThat(sinks.states).contains(RelayConnectionState.DISCONNECTED);
    }

    @Test
    void aWrongTokenKeepsItDisconnectedAndSaysWhy() {
        startRelay(0, SECRET);
        RecordingSinks sinks = new RecordingSinks();
        subscriber = RelaySubscriber.start(RelaySubscriberConfig.of(relay.baseUri(), "stolen?", Optional.empty())
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(100)), sinks, sinks, sinks, sinks);
        Eventually.await(WAIT, "refused", () -> sinks.lastDetail.get().contains("401"));
        assertThat(sinks.states).doesNotContain(RelayConnectionState.CONNECTED);
    }

    @Test
    void anEventWhoseSinkFailsComesAgainAndTheCursorWaitsForIt() {
        startRelay(0, SECRET);
        AtomicInteger calls = new AtomicInteger();
        RecordingSinks sinks = new RecordingSinks() {
            @Override
            public void onStatus(RechargeEvent event) {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalStateException("database locked");
                }
                super.onStatus(event);
            }
        };
        subscriber = sinks.subscribe(subscriberConfig(Optional.of(SECRET)));
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-F1", 1, 2));
        Eventually.await(WAIT, "delivered on the second try and the cursor saved",
                () -> sinks.recharges.size() == 1 && "1".equals(sinks.cursor()));
        assertThat(calls.get()).isEqualTo(2);
        assertThat(sinks.cursor()).isEqualTo("1");
    }

    @Test
    void aCursorAheadOfAReplacedRelayDatabaseStartsOverInsteadOfMissingEvents() {
        startRelay(0, SECRET);
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-N1", 1, 2));
        // this terminal had reached event 500 on the relay's previous database
        RecordingSinks sinks = new RecordingSinks("500");
        subscriber = sinks.subscribe(subscriberConfig(Optional.of(SECRET)));
        Eventually.await(WAIT, "the new database's event and the cursor on it",
                () -> sinks.recharges.size() == 1 && "1".equals(sinks.cursor()));
        assertThat(sinks.recharges.get(0).externalReference()).contains("HN-N1");
        assertThat(sinks.cursor()).isEqualTo("1");
        assertThat(sinks.states).contains(RelayConnectionState.DISCONNECTED);
    }

    @Test
    void closingStopsTheSubscription() {
        startRelay(0, SECRET);
        RecordingSinks sinks = new RecordingSinks();
        subscriber = sinks.subscribe(subscriberConfig(Optional.empty()));
        Eventually.await(WAIT, "connected", () -> subscriber.state() == RelayConnectionState.CONNECTED);
        subscriber.close();
        assertThat(subscriber.state()).isEqualTo(RelayConnectionState.STOPPED);
        Eventually.await(WAIT, "the relay sees it leave", () -> {
            // the relay notices a gone subscriber on its next write
            client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-Z" + System.nanoTime(), 1, 2));
            return relay.subscribers() == 0;
        });
    }
}
