package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event stream as the bytes on the wire: the format any standard EventSource client relies on. */
class EventStreamTest {
    private static final String SECRET = "demo-secret";
    private static final String TOKEN = "terminal-1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private RelayServer relay;
    private RelayClient client;
    private final List<RawHttpStream> streams = new ArrayList<>();

    private void start(RelayConfig.Builder b) {
        relay = RelayServer.start(b.log(new PrintStream(OutputStream.nullOutputStream())).build());
        client = new RelayClient(relay.baseUri());
    }

    private RelayConfig.Builder config() {
        return RelayConfig.builder(0, dir.resolve("relay.db"), SECRET, List.of(TOKEN));
    }

    private RawHttpStream open(String token, String... headers) throws Exception {
        RawHttpStream s = RawHttpStream.events(relay.port(), token, headers);
        streams.add(s);
        return s;
    }

    @AfterEach
    void stop() throws Exception {
        for (RawHttpStream s : streams) {
            s.close();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private void post(String ref) {
        assertThat(client.postMoroccoTopup(SECRET, RelayClient.rechargeBody(ref, 1, 2)).statusCode()).isEqualTo(200);
    }

    /** The ids of the complete events in a stream, in order. */
    private static List<Long> ids(String stream) {
        List<Long> ids = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^id: (\\d+)\ndata: .*\n\n").matcher(stream);
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    @Test
    void theStreamIsStandardServerSentEvents() throws Exception {
        start(config());
        RawHttpStream s = open(TOKEN);
        assertThat(s.status).isEqualTo(200);
        assertThat(s.headers.get("content-type")).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(s.headers.get("cache-control")).contains("no-cache");
        assertThat(s.headers.get("transfer-encoding")).isEqualTo("chunked");
        Eventually.await(WAIT, "the stream preamble", () -> s.body().contains("\n\n"));
        assertThat(s.body()).startsWith("retry: 2000\n:");

        String body = RelayClient.rechargeBody("HN-ÉTÉ-مرحبا", 1, 2);
        assertThat(client.postMoroccoTopup(SECRET, body).statusCode()).isEqualTo(200);
        Eventually.await(WAIT, "the event on the stream", () -> ids(s.body()).size() == 1);

        String stream = s.body();
        Matcher m = Pattern.compile("(?m)^id: 1\ndata: (.*)\n\n").matcher(stream);
        assertThat(m.find()).isTrue();
        String frame = stream.substring(m.start(), m.end());
        // exactly two field lines: one id, one data holding the whole JSON (no raw newline in it)
        assertThat(frame.split("\n", -1)).hasSize(4);
        JsonNode data = RelayClient.json(m.group(1));
        assertThat(data.get("id").asLong()).isEqualTo(1);
        assertThat(data.get("source").asText()).isEqualTo("moroccotopup");
        assertThat(data.get("type").asText()).isEqualTo("recharge.status_changed");
        assertThat(data.get("received_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(data.get("payload").get("recharge").get("external_reference").asText()).isEqualTo("HN-ÉTÉ-مرحبا");
        assertThat(data.get("raw_body").asText()).isEqualTo(body);
        assertThat(data.get("headers").has("x-webhook-signature")).isTrue();
        assertThat(stream).doesNotContain("event:");
    }

    @Test
    void heartbeatsAreCommentLines() throws Exception {
        start(config().heartbeat(Duration.ofMillis(100)));
        RawHttpStream s = open(TOKEN);
        Eventually.await(WAIT, "two heartbeats", () -> s.body().split(": keep-alive\n\n", -1).length >= 3);
    }

    @Test
    void resumesAfterLastEventIdFromTheDatabaseThenGoesLive() throws Exception {
        start(config());
        for (int i = 1; i <= 4; i++) {
            post("HN-" + i);
        }
        RawHttpStream s = open(TOKEN, "Last-Event-ID: 2");
        Eventually.await(WAIT, "the replay", () -> ids(s.body()).size() == 2);
        post("HN-5");
        Eventually.await(WAIT, "the live event", () -> ids(s.body()).size() == 3);
        assertThat(ids(s.body())).containsExactly(3L, 4L, 5L);

        RawHttpStream fromStart = open(TOKEN);
        Eventually.await(WAIT, "everything from the start", () -> ids(fromStart.body()).size() == 5);
        assertThat(ids(fromStart.body())).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void eventsCommittedDuringAReplayAreNeitherLostNorRepeated() throws Exception {
        start(config());
        for (int i = 0; i < 700; i++) {
            client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-R" + i, 1, 2));
        }
        Thread poster = new Thread(() -> {
            for (int i = 0; i < 100; i++) {
                client.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-L" + i, 1, 2));
            }
        });
        RawHttpStream s = open(TOKEN);
        poster.start();
        poster.join();
        Eventually.await(Duration.ofSeconds(30), "all 800 events", () -> ids(s.body()).size() >= 800);
        List<Long> ids = ids(s.body());
        assertThat(ids).hasSize(800).doesNotHaveDuplicates().isSorted();
        assertThat(ids.get(ids.size() - 1)).isEqualTo(800L);
    }

    @Test
    void aWrongOrMissingTokenIs401AMalformedLastEventIdIs400AndAnUnknownOne409() throws Exception {
        start(config());
        RawHttpStream wrong = open("not-the-token");
        assertThat(wrong.status).isEqualTo(401);
        assertThat(RelayClient.json(wrong.fullBody()).get("error").asText()).contains("token");
        RawHttpStream missing = open(null);
        assertThat(missing.status).isEqualTo(401);
        RawHttpStream badId = open(TOKEN, "Last-Event-ID: abc");
        assertThat(badId.status).isEqualTo(400);
        assertThat(RelayClient.json(badId.fullBody()).get("error").asText()).contains("Last-Event-ID");
        RawHttpStream unknownId = open(TOKEN, "Last-Event-ID: 99");
        assertThat(unknownId.status).isEqualTo(409);
        assertThat(RelayClient.json(unknownId.fullBody()).get("reason").asText()).isEqualTo("unknown_event_id");
    }

    @Test
    void aTokenInTheQueryWorksForBrowserEventSources() throws Exception {
        start(config());
        RawHttpStream s = new RawHttpStream(relay.port(), "GET /events?access_token=" + TOKEN + " HTTP/1.1\r\n"
                + "Host: x\r\nAccept: text/event-stream\r\n", true);
        streams.add(s);
        assertThat(s.status).isEqualTo(200);
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedWithoutHoldingUpIngestOrOthers() throws Exception {
        start(config().subscriberBacklogBytes(1 << 20));
        // connects, then never reads: its socket buffers fill, then its queue
        RawHttpStream stuck = new RawHttpStream(relay.port(), "GET /events HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: Bearer " + TOKEN + "\r\n", false);
        streams.add(stuck);
        RawHttpStream reader = open(TOKEN);
        Eventually.await(WAIT, "both subscribed", () -> relay.subscribers() == 2);
        String padding = "x".repeat(200_000);
        long start = System.nanoTime();
        for (int i = 0; i < 80; i++) {
            String body = "{\"event\":\"recharge.status_changed\",\"n\":" + i + ",\"pad\":\"" + padding + "\"}";
            assertThat(client.postMoroccoTopup(SECRET, body).statusCode()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        Eventually.await(Duration.ofSeconds(30), "the reading subscriber got all 80", () -> ids(reader.body()).size() == 80);
        assertThat(client.get("/metrics").body()).contains("hanout_relay_subscribers_dropped_total{reason=\"overflow\"} 1");
        stuck.close();
        Eventually.await(WAIT, "the dropped subscriber gone", () -> relay.subscribers() == 1);
    }

    @Test
    void closingTheRelayEndsTheStreamCleanly() throws Exception {
        start(config());
        RawHttpStream s = open(TOKEN);
        Eventually.await(WAIT, "subscribed", () -> relay.subscribers() == 1);
        relay.close();
        relay = null;
        Eventually.await(WAIT, "the stream ended", s::ended);
    }
}
