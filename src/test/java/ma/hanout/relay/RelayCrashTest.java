package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real relay process under load, killed with SIGKILL and started again on the same database:
 * every webhook it acknowledged is still there, and a subscriber that lived through it got each
 * event exactly once.
 */
class RelayCrashTest {
    private static final String SECRET = "demo-secret";
    private static final String TOKEN = "terminal-1";

    @TempDir
    Path dir;

    @Test
    void aRelayKilledUnderLoadLosesNoAcknowledgedEventAndTheSubscriberResumesWithoutDuplicates() throws Exception {
        Path db = dir.resolve("relay.db");
        Path log = dir.resolve("relay.log");
        RelayProcess relay = RelayProcess.start(log, "relay", "--port", "0", "--db", db.toString(), "--secret", SECRET,
                "--token", TOKEN);
        int port = relay.port;
        RecordingSinks sinks = new RecordingSinks();
        RelaySubscriber subscriber = sinks.subscribe(RelaySubscriberConfig.of(relay.uri, TOKEN, Optional.of(SECRET))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(300)));
        RelayClient client = new RelayClient(relay.uri);

        // providers: each webhook is retried until it is acknowledged, as MoroccoTopup retries non-2xx
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            Thread poster = new Thread(() -> {
                while (!stop.get()) {
                    String ref = "HN-K" + next.incrementAndGet();
                    String body = RelayClient.rechargeBody(ref, 1, 2);
                    for (int attempt = 0; attempt < 400 && !acknowledged.contains(ref); attempt++) {
                        try {
                            HttpResponse<String> r = client.postMoroccoTopup(SECRET, body);
                            if (r.statusCode() == 200) {
                                acknowledged.add(ref);
                            }
                        } catch (RuntimeException down) {
                            // the relay is down: wait for it to answer again before retrying
                            Eventually.await(Duration.ofSeconds(60), "the relay back up", () -> stop.get() || isUp(client));
                        }
                    }
                }
            }, "poster-" + t);
            poster.start();
            posters.add(poster);
        }

        Eventually.await(Duration.ofSeconds(30), "load running", () -> acknowledged.size() >= 150);
        relay.kill();
        int ackedBeforeKill = acknowledged.size();
        Eventually.await(Duration.ofSeconds(30), "subscriber noticed", () -> subscriber.state() != RelayConnectionState.CONNECTED);

        relay = RelayProcess.start(log, "relay", "--port", Integer.toString(port), "--db", db.toString(), "--secret",
                SECRET, "--token", TOKEN);
        Eventually.await(Duration.ofSeconds(30), "load going on after the restart",
                () -> acknowledged.size() >= ackedBeforeKill + 150);
        stop.set(true);
        for (Thread p : posters) {
            p.join(60_000);
        }

        try {
            // every acknowledged webhook survived the kill
            Set<String> stored = new HashSet<>();
            List<Long> ids = new ArrayList<>();
            long after = 0;
            while (true) {
                List<JsonNode> page = client.events(TOKEN, after, 1000);
                if (page.isEmpty()) {
                    break;
                }
                for (JsonNode e : page) {
                    stored.add(e.get("payload").get("recharge").get("external_reference").asText());
                    ids.add(e.get("id").asLong());
                    after = e.get("id").asLong();
                }
            }
            assertThat(stored).containsAll(acknowledged);
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(stored).hasSize(ids.size());

            // the subscriber got every stored event once, across the crash
            Eventually.await(Duration.ofSeconds(30), "subscriber caught up", () -> sinks.recharges.size() >= ids.size());
            List<String> delivered = sinks.recharges.stream().map(e -> e.externalReference().orElseThrow()).toList();
            assertThat(delivered).doesNotHaveDuplicates().containsAll(acknowledged);
            assertThat(sinks.recharges).extracting(RechargeEvent::streamId)
                    .map(Long::parseLong).doesNotHaveDuplicates().isSorted();
            assertThat(subscriber.rejectedEvents()).isZero();
            assertThat(sinks.states).contains(RelayConnectionState.DISCONNECTED);
        } finally {
            subscriber.close();
            relay.close();
        }
    }

    private static boolean isUp(RelayClient client) {
        try {
            return client.get("/health").statusCode() == 200;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
