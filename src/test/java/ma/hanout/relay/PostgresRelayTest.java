package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.testing.Eventually;
import ma.hanout.testing.MutableClock;
import ma.hanout.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two relays sharing one PostgreSQL database (a chain of shops): an event ingested by either is
 * stored once and streamed by both, ids are one sequence, a subscriber resumes on either, and
 * retention and metrics work on this store too.
 */
class PostgresRelayTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private static final String SECRET = "pg-secret";
    private static final String TOKEN = "terminal";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private RelayServer relay(String db, RelayConfig.Builder b) {
        RelayServer r = RelayServer.start(b.log(new PrintStream(OutputStream.nullOutputStream())).build());
        open.add(r);
        return r;
    }

    private RelayServer relay(String db) {
        return relay(db, RelayConfig.builder(0, db, SECRET, List.of(TOKEN)).heartbeat(Duration.ofMillis(500)));
    }

    private RawHttpStream subscribe(RelayServer relay, long after) throws Exception {
        RawHttpStream s = new RawHttpStream(relay.port(), "GET /events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                + TOKEN + "\r\nAccept: text/event-stream\r\n" + (after > 0 ? "Last-Event-ID: " + after + "\r\n" : ""), true);
        open.add(s);
        return s;
    }

    private static List<Long> ids(String sse) {
        List<Long> out = new ArrayList<>();
        for (String line : sse.split("\n")) {
            if (line.startsWith("id: ")) {
                out.add(Long.parseLong(line.substring(4).strip()));
            }
        }
        return out;
    }

    @Test
    void anEventIngestedByOneRelayIsStoredOnceAndStreamedByBoth() throws Exception {
        String db = PG.newDatabase();
        RelayServer a = relay(db);
        RelayServer b = relay(db);
        RawHttpStream onA = subscribe(a, 0);
        RawHttpStream onB = subscribe(b, 0);
        Eventually.await(WAIT, "both subscribed", () -> a.subscribers() == 1 && b.subscribers() == 1);
        RelayClient toA = new RelayClient(a.baseUri());
        RelayClient toB = new RelayClient(b.baseUri());

        for (int i = 0; i < 10; i++) {
            RelayClient to = i % 2 == 0 ? toA : toB;
            assertThat(to.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-PG" + i, 1, 2)).statusCode()).isEqualTo(200);
        }
        // a provider retry of the first event, delivered to the other relay: the same id, not stored again
        assertThat(toB.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-PG0", 1, 2)).statusCode()).isEqualTo(200);

        Eventually.await(WAIT, "10 events on A's stream", () -> ids(onA.body()).size() >= 10);
        Eventually.await(WAIT, "10 events on B's stream", () -> ids(onB.body()).size() >= 10);
        assertThat(ids(onA.body())).hasSize(10).isSorted().doesNotHaveDuplicates();
        assertThat(ids(onB.body())).isEqualTo(ids(onA.body()));
        assertThat(toA.events(TOKEN, 0, 100)).hasSize(10);
        assertThat(toA.events(TOKEN, 0, 100)).extracting(e -> e.get("id").asLong())
                .containsExactlyElementsOf(ids(onA.body()));

        // resume on the other instance after what the first one gave
        long fifth = ids(onA.body()).get(4);
        RawHttpStream resumed = subscribe(b, fifth);
        Eventually.await(WAIT, "the rest on B", () -> ids(resumed.body()).size() >= 5);
        assertThat(ids(resumed.body())).containsExactlyElementsOf(ids(onA.body()).subList(5, 10));

        // /health and /metrics on the shared store
        JsonNode health = RelayClient.json(toB.get("/health").body());
        assertThat(health.get("last_event_id").asLong()).isEqualTo(ids(onA.body()).get(9));
        String metrics = toA.get("/metrics").body();
        assertThat(metrics).contains("hanout_relay_store_notify_queue_usage_ppm ")
                .contains("hanout_relay_commit_seconds_count ").contains("hanout_relay_events_duplicate_total");
    }

    @Test
    void aRelayStartedLaterStreamsTheEventsOfTheOthersAndKeepsTheSequence() throws Exception {
        String db = PG.newDatabase();
        RelayServer a = relay(db);
        RelayClient toA = new RelayClient(a.baseUri());
        toA.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-L1", 1, 2));
        RelayServer b = relay(db);
        RawHttpStream onB = subscribe(b, 0);
        Eventually.await(WAIT, "the earlier event replayed on B", () -> ids(onB.body()).size() == 1);
        toA.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-L2", 1, 2));
        new RelayClient(b.baseUri()).postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-L3", 1, 2));
        Eventually.await(WAIT, "the later events live on B", () -> ids(onB.body()).size() == 3);
        assertThat(ids(onB.body())).isSorted().doesNotHaveDuplicates();
        // a resume point beyond the shared sequence is still refused
        HttpResponse<String> beyond = new RelayClient(b.baseUri()).get("/events", "Authorization", "Bearer " + TOKEN,
                "Accept", "text/event-stream", "Last-Event-ID", "999");
        assertThat(beyond.statusCode()).isEqualTo(409);
    }

    @Test
    void retentionDeletesOldEventsFromTheSharedTable() throws Exception {
        String db = PG.newDatabase();
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        RelayServer a = relay(db, RelayConfig.builder(0, db, SECRET, List.of(TOKEN)).clock(clock)
                .retention(Duration.ofDays(30), Duration.ofMillis(50)));
        RelayClient toA = new RelayClient(a.baseUri());
        toA.postMoroccoTopup(SECRET, RelayClient.rechargeBody("HN-OLD", 1, 2));
        assertThat(toA.events(TOKEN, 0, 10)).hasSize(1);
        clock.advance(Duration.ofDays(31));
        Eventually.await(WAIT, "the old event deleted", () -> toA.events(TOKEN, 0, 10).isEmpty());
        try (Connection c = PG.connect(db); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM events")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
