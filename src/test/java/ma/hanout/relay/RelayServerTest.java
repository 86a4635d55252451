package ma.hanout.relay;

import ma.hanout.testing.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpURLConnection;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Flow;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.testing.Eventually;
import ma.hanout.webhook.IndependentHmac;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelayServerTest {
    private static final String SECRET = "demo-secret";
    private static final String TOKEN = "terminal-1";
    private static final long NOW = 1_767_986_520L;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.ofEpochSecond(NOW));
    private RelayServer relay;
    private RelayClient client;

    private void start(RelayConfig.Builder b) {
        relay = RelayServer.start(b.clock(clock).log(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                .build());
        client = new RelayClient(relay.baseUri());
    }

    private RelayConfig.Builder config() {
        return RelayConfig.builder(0, dir.resolve("relay.db"), SECRET, List.of(TOKEN, "terminal-2"));
    }

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.close();
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        return RelayClient.json(r.body());
    }

    @Test
    void storesASignedMoroccoTopupWebhookWithItsRawBytesAndSignatureHeaders() {
        start(config());
        String body = RelayClient.rechargeBody("HN-0001", 1, 2);
        HttpResponse<String> r = client.postMoroccoTopup(SECRET, body, NOW);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"ok\":true}");

        List<JsonNode> events = client.events(TOKEN, 0, 10);
        assertThat(events).hasSize(1);
        JsonNode e = events.get(0);
        assertThat(e.get("id").asLong()).isEqualTo(1);
        assertThat(e.get("source").asText()).isEqualTo("moroccotopup");
        assertThat(e.get("type").asText()).isEqualTo("recharge.status_changed");
        assertThat(Instant.parse(e.get("received_at").asText())).isEqualTo(Instant.ofEpochSecond(NOW));
        assertThat(e.get("raw_body").asText()).isEqualTo(body);
        assertThat(e.get("payload").get("recharge").get("billing_amount").decimalValue()).isEqualByComparingTo("9.35");
        assertThat(e.get("headers").get("x-webhook-timestamp").asText()).isEqualTo(Long.toString(NOW));
        assertThat(e.get("headers").get("x-webhook-signature").asText())
                .isEqualTo(IndependentHmac.hex(SECRET, NOW + "." + body));
    }

    @Test
    void aRetriedDeliveryIsAnsweredOkAndStoredOnce() {
        start(config());
        String body = RelayClient.rechargeBody("HN-0002", 1, 2);
        assertThat(client.postMoroccoTopup(SECRET, body, NOW).statusCode()).isEqualTo(200);
        // the provider retries later, signing again with a new timestamp
        assertThat(client.postMoroccoTopup(SECRET, body, NOW + 60).statusCode()).isEqualTo(200);
        assertThat(client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-0002", 2, 3), NOW).statusCode())
                .isEqualTo(200);
        assertThat(client.events(TOKEN, 0, 10)).extracting(e -> e.get("id").asLong()).containsExactly(1L, 2L);
        assertThat(client.get("/metrics").body())
                .contains("hanout_relay_events_received_total{source=\"moroccotopup\"} 2")
                .contains("hanout_relay_events_duplicate_total{source=\"moroccotopup\"} 1");
    }

    @Test
    void refusesForgedTamperedAndUnsignedWebhooksWithA401JsonError() {
        start(config());
        String body = RelayClient.rechargeBody("HN-0003", 1, 3);
        HttpResponse<String> forged = client.postMoroccoTopup("guessed-secret", body, NOW);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(json(forged).get("reason").asText()).isEqualTo("mismatch");
        assertThat(json(forged).get("error").asText()).contains("does not match");

        String sig = IndependentHmac.hex(SECRET, NOW + "." + body);
        HttpResponse<String> tampered = client.post("/hooks/moroccotopup", body.replace("\"status_code_new\":3",
                "\"status_code_new\":4"), "X-Webhook-Timestamp", Long.toString(NOW), "X-Webhook-Signature", sig);
        assertThat(tampered.statusCode()).isEqualTo(401);

        HttpResponse<String> unsigned = client.post("/hooks/moroccotopup", body);
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(json(unsigned).get("reason").asText()).isEqualTo("missing");

        HttpResponse<String> garbage = client.post("/hooks/moroccotopup", body, "X-Webhook-Timestamp", "x",
                "X-Webhook-Signature", "not hex at all");
        assertThat(garbage.statusCode()).isEqualTo(401);
        assertThat(json(garbage).get("reason").asText()).isEqualTo("malformed");

        assertThat(client.events(TOKEN, 0, 10)).isEmpty();
        assertThat(client.get("/metrics").body())
                .contains("hanout_relay_rejected_total{route=\"moroccotopup\",reason=\"mismatch\"} 2")
                .contains("hanout_relay_rejected_total{route=\"moroccotopup\",reason=\"missing\"} 1")
                .contains("hanout_relay_rejected_total{route=\"moroccotopup\",reason=\"malformed\"} 1");
    }

    @Test
    void theOptionalToleranceRefusesStaleAndFutureMoroccoTopupTimestamps() {
        start(config().tolerance(Duration.ofSeconds(300)));
        String body = RelayClient.rechargeBody("HN-0004", 1, 2);
        assertThat(json(client.postMoroccoTopup(SECRET, body, NOW - 301)).get("reason").asText()).isEqualTo("stale");
        assertThat(json(client.postMoroccoTopup(SECRET, body, NOW + 301)).get("reason").asText()).isEqualTo("future");
        assertThat(client.postMoroccoTopup(SECRET, body, NOW - 299).statusCode()).isEqualTo(200);
    }

    @Test
    void withoutToleranceAnOldButGenuineMoroccoTopupWebhookIsAccepted() {
        start(config());
        assertThat(client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-0005", 1, 2), NOW - 86_400).statusCode())
                .isEqualTo(200);
    }

    @Test
    void refusesABodyOverOneMebibyteBothWithContentLengthAndChunked() {
        start(config());
        byte[] big = new byte[RelayConfig.MAX_BODY_BYTES + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        // the relay answers 413 from the Content-Length and closes while the client may still be
        // sending: the reset that follows can reach the client before it read the answer ("header
        // parser received no bytes", seen once). Such a try is made again; the 413 must be seen.
        HttpResponse<String> r = null;
        for (int attempt = 0; attempt < 10 && r == null; attempt++) {
            try {
                r = client.post("/hooks/moroccotopup", big, "X-Webhook-Timestamp", "1", "X-Webhook-Signature", "00");
            } catch (java.io.UncheckedIOException reset) {
                // reset before the answer was read: again
            }
        }
        assertThat(r).as("an answer to one of 10 tries").isNotNull();
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(json(r).get("reason").asText()).isEqualTo("too_large");

        // no Content-Length: a streamed body of unknown length
        HttpRequest chunked = HttpRequest.newBuilder(relay.baseUri().resolve("/hooks/moroccotopup"))
                .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
                    private int sent;
                    private boolean done;

                    @Override
                    public void request(long n) {
                        while (n-- > 0 && !done) {
                            if (sent++ < 40) {
                                subscriber.onNext(java.nio.ByteBuffer.wrap(new byte[32 * 1024]));
                            } else {
                                done = true;
                                subscriber.onComplete();
                            }
                        }
                    }

                    @Override
                    public void cancel() {
                        done = true;
                    }
                }))).build();
        HttpResponse<String> streamed;
        try {
            streamed = client.send(chunked);
        } catch (java.io.UncheckedIOException e) {
            // the relay may close the connection while the client is still sending: also a refusal
            assertThat(client.events(TOKEN, 0, 10)).isEmpty();
            return;
        }
        assertThat(streamed.statusCode()).isEqualTo(413);
        assertThat(client.events(TOKEN, 0, 10)).isEmpty();
    }

    @Test
    void theAllowListRefusesOtherAddressesAndTrustsTheProxysForwardedFor() {
        start(config().allowList(IpAllowList.parse("41.77.112.0/24, 2a01:e0a::/32")));
        String body = RelayClient.rechargeBody("HN-0006", 1, 2);
        HttpResponse<String> direct = client.postMoroccoTopup(SECRET, body, NOW);
        assertThat(direct.statusCode()).isEqualTo(403);
        assertThat(json(direct).get("error").asText()).contains("127.0.0.1");

        String sig = IndependentHmac.hex(SECRET, NOW + "." + body);
        assertThat(client.post("/hooks/moroccotopup", body, "X-Webhook-Timestamp", Long.toString(NOW),
                "X-Webhook-Signature", sig, "X-Forwarded-For", "10.0.0.1, 41.77.112.9").statusCode()).isEqualTo(200);
        // only the entry the proxy appended counts, not one the client put in front
        assertThat(client.post("/hooks/moroccotopup", body, "X-Webhook-Timestamp", Long.toString(NOW),
                "X-Webhook-Signature", sig, "X-Forwarded-For", "41.77.112.9, 10.0.0.1").statusCode()).isEqualTo(403);
    }

    @Test
    void acceptsTiqopayFedapayAndIpnWithTheirOwnSchemes() throws Exception {
        start(config().tiqopaySecret("whsec_tq").fedapaySecret("wh_fd").ipnSignature("app-1", "app!secret")
                .ipnPassword("pw-ipn"));
        long now = NOW;
        String tq = "{\"type\":\"transaction.funded\",\"data\":{\"id\":\"txn_01JQ\",\"amount\":50000}}";
        assertThat(client.post("/hooks/tiqopay", tq, "tiqopay-signature",
                "t=" + now + ",v1=" + IndependentHmac.hex("whsec_tq", now + "." + tq)).statusCode()).isEqualTo(200);

        String fd = "{\"name\":\"transaction.approved\",\"entity\":{\"reference\":\"trx_1\",\"amount\":5000}}";
        assertThat(client.post("/hooks/fedapay", fd, "X-FEDAPAY-SIGNATURE",
                "t=" + now + ",s=" + IndependentHmac.hex("wh_fd", now + "." + fd)).statusCode()).isEqualTo(200);

        String ipn = "{\"id\":\"tx-9\",\"invoice\":{\"id\":\"INV-9\",\"totalAmount\":{\"amount\":100,\"currency\":\"XOF\"}},"
                + "\"result\":{\"status\":\"COMPLETED\"}}";
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.ofInstant(Instant.ofEpochSecond(now), ZoneOffset.UTC));
        String digest = "SHA-256=" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(ipn.getBytes(StandardCharsets.UTF_8)));
        String signing = "(request-target): post /hooks/ipn\ndate: " + date + "\ndigest: " + digest;
        // Host and Date are restricted for the JDK client: sign what it lets us set
        HttpRequest req = HttpRequest.newBuilder(relay.baseUri().resolve("/hooks/ipn"))
                .POST(HttpRequest.BodyPublishers.ofString(ipn))
                .header("X-Date", date).header("Digest", digest)
                .header("Authorization", "Signature keyId=\"app-1\",algorithm=\"hmac-sha256\","
                        + "headers=\"(request-target) x-date digest\",signature=\""
                        + IndependentHmac.base64("app!secret", signing.replace("date: ", "x-date: ")) + "\"")
                .build();
        assertThat(client.send(req).statusCode()).isEqualTo(200);

        String ipn2 = ipn.replace("tx-9", "tx-10");
        assertThat(client.post("/hooks/ipn", ipn2, "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("centralbill:pw-ipn".getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(200);
        assertThat(client.post("/hooks/ipn", ipn2.replace("tx-10", "tx-11"), "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("centralbill:nope".getBytes(StandardCharsets.UTF_8))).statusCode())
                .isEqualTo(401);

        List<JsonNode> events = client.events(TOKEN, 0, 10);
        assertThat(events).extracting(e -> e.get("source").asText() + "/" + e.get("type").asText())
                .containsExactly("tiqopay/transaction.funded", "fedapay/transaction.approved", "ipn/COMPLETED",
                        "ipn/COMPLETED");
        assertThat(events.get(1).get("headers").get("x-fedapay-signature").asText()).startsWith("t=" + now + ",s=");
        assertThat(events.get(2).get("headers").get("digest").asText()).isEqualTo(digest);
        assertThat(events.get(2).get("headers").get("(request-target)").asText()).isEqualTo("post /hooks/ipn");
        // a password is never stored or streamed
        assertThat(events.get(3).get("headers").size()).isZero();
    }

    @Test
    void staleTiqopayAndFedapayDeliveriesAreRefused() {
        start(config().tiqopaySecret("whsec_tq").fedapaySecret("wh_fd"));
        long old = NOW - 301;
        String tq = "{\"type\":\"transaction.released\",\"data\":{\"id\":\"txn_2\"}}";
        HttpResponse<String> r = client.post("/hooks/tiqopay", tq, "tiqopay-signature",
                "t=" + old + ",v1=" + IndependentHmac.hex("whsec_tq", old + "." + tq));
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).get("reason").asText()).isEqualTo("stale");
        HttpResponse<String> f = client.post("/hooks/fedapay", tq, "X-FEDAPAY-SIGNATURE", "t=" + NOW + ",s=zz");
        assertThat(f.statusCode()).isEqualTo(401);
        assertThat(json(f).get("error").asText()).contains("X-FEDAPAY-SIGNATURE");
    }

    @Test
    void aHookThatIsNotConfiguredSaysSo() {
        start(config());
        HttpResponse<String> r = client.post("/hooks/tiqopay", "{}");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("error").asText()).contains("--tiqopay-secret");
    }

    @Test
    void aSignedBodyThatIsNotJsonOrNotUtf8IsA400() {
        start(config());
        String notJson = "status=3&ref=HN-1";
        assertThat(client.post("/hooks/moroccotopup", notJson, "X-Webhook-Timestamp", Long.toString(NOW),
                "X-Webhook-Signature", IndependentHmac.hex(SECRET, NOW + "." + notJson)).statusCode()).isEqualTo(400);
        byte[] latin1 = "{\"x\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        String sig = hexHmacOverBytes(SECRET, (NOW + ".").getBytes(StandardCharsets.US_ASCII), latin1);
        HttpResponse<String> r = client.post("/hooks/moroccotopup", latin1, "X-Webhook-Timestamp", Long.toString(NOW),
                "X-Webhook-Signature", sig);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).contains("UTF-8");
    }

    private static String hexHmacOverBytes(String key, byte[] a, byte[] b) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(a);
            return java.util.HexFormat.of().formatHex(mac.doFinal(b));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void wrongMethodsAndUnknownRoutesGetJsonErrors() throws Exception {
        start(config());
        HttpResponse<String> get = client.get("/hooks/moroccotopup");
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json(get).get("error").asText()).contains("GET");

        HttpResponse<String> post = client.post("/events", "{}", "Authorization", "Bearer " + TOKEN);
        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");

        for (String path : new String[] {"/", "/nope", "/hooks/moroccotopupX", "/hooks/paypal", "/events/1"}) {
            HttpResponse<String> r = client.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        }
        HttpURLConnection c = (HttpURLConnection) URI.create(relay.baseUri() + "/metrics").toURL().openConnection();
        c.setRequestMethod("DELETE");
        assertThat(c.getResponseCode()).isEqualTo(405);
    }

    @Test
    void theJsonListingChecksTokenAfterAndLimit() {
        start(config());
        for (int i = 1; i <= 5; i++) {
            client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-L" + i, 1, 2), NOW);
        }
        assertThat(client.events("terminal-2", 2, 2)).extracting(e -> e.get("id").asLong()).containsExactly(3L, 4L);
        assertThat(client.events(TOKEN, 5, 100)).isEmpty();

        HttpResponse<String> noToken = client.get("/events?after=0");
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(client.get("/events?after=0", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(client.get("/events?after=0", "Authorization", "Basic " + TOKEN).statusCode()).isEqualTo(401);
        for (String q : new String[] {"after=-1", "after=abc", "after=1.5", "limit=0", "limit=1001", "limit=ten",
            "after=1&after=2", "after=1&color=red"}) {
            HttpResponse<String> r = client.get("/events?" + q, "Authorization", "Bearer " + TOKEN);
            assertThat(r.statusCode()).as(q).isEqualTo(400);
            assertThat(json(r).get("error").asText()).as(q).isNotBlank();
        }
        assertThat(client.get("/events?after=0&access_token=" + TOKEN).statusCode()).isEqualTo(200);
    }

    @Test
    void healthAndMetricsAnswer() {
        start(config());
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-H", 1, 2), NOW);
        HttpResponse<String> health = client.get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json(health).get("ok").asBoolean()).isTrue();
        assertThat(json(health).get("last_event_id").asLong()).isEqualTo(1);
        HttpResponse<String> metrics = client.get("/metrics");
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("# TYPE hanout_relay_events_received_total counter",
                "# TYPE hanout_relay_subscribers gauge", "hanout_relay_subscribers 0",
                "# TYPE hanout_relay_delivery_lag_seconds histogram", "hanout_relay_delivery_lag_seconds_bucket{le=\"+Inf\"}");
    }

    @Test
    void eventsOlderThanTheRetentionAreDeleted() {
        start(config().retention(Duration.ofDays(30), Duration.ofMillis(20)));
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-R1", 1, 2), NOW);
        clock.advance(Duration.ofDays(20));
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-R2", 1, 2), NOW);
        assertThat(client.events(TOKEN, 0, 10)).hasSize(2);
        clock.advance(Duration.ofDays(11));
        Eventually.await(Duration.ofSeconds(30), "the 31-day-old event deleted",
                () -> client.events(TOKEN, 0, 10).size() == 1);
        assertThat(client.events(TOKEN, 0, 10).get(0).get("id").asLong()).isEqualTo(2);
        // ids are never reused after a deletion
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-R3", 1, 2), NOW);
        assertThat(client.events(TOKEN, 2, 10).get(0).get("id").asLong()).isEqualTo(3);
    }

    @Test
    void acknowledgedEventsSurviveARestartOnTheSameDatabase() {
        start(config());
        for (int i = 0; i < 20; i++) {
            assertThat(client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-S" + i, 1, 2), NOW).statusCode())
                    .isEqualTo(200);
        }
        relay.close();
        start(config());
        assertThat(client.events(TOKEN, 0, 100)).hasSize(20);
        client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-S-after", 1, 2), NOW);
        assertThat(client.events(TOKEN, 20, 100).get(0).get("id").asLong()).isEqualTo(21);
    }
}
