package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a relay process under load (what {@code systemctl stop} sends): it stops within its
 * budget, ends the event stream with a proper last chunk, not a cut connection, and every webhook
 * it acknowledged is in the database when it starts again.
 */
class RelayShutdownTest {
    private static final String SECRET = "s";
    private static final String TOKEN = "t";

    @TempDir
    Path dir;

    @Test
    void sigtermUnderLoadEndsStreamsCleanlyAndKeepsEveryAcknowledgedEvent() throws Exception {
        String db = dir.resolve("relay.db").toString();
        Path log = dir.resolve("relay.log");
        RelayProcess relay = RelayProcess.start(log, "relay", "--port", "0", "--db", db, "--secret", SECRET, "--token", TOKEN);
        RawHttpStream stream = RawHttpStream.events(relay.port, TOKEN);
        RelayClient client = new RelayClient(relay.uri);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        List<Thread> posters = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread p = new Thread(() -> {
                while (!stop.get()) {
                    String ref = "HN-T" + next.incrementAndGet();
                    try {
                        HttpResponse<String> r = client.postMoroccoTopup(SECRET, RelayClient.rechargeBody(ref, 1, 2));
                        if (r.statusCode() == 200) {
                            acknowledged.add(ref);
                        }
                    } catch (RuntimeException down) {
                        return;
                    }
                }
            }, "shutdown-poster-" + t);
            p.start();
            posters.add(p);
        }
        Eventually.await(Duration.ofSeconds(30), "load running", () -> acknowledged.size() >= 100);

        relay.process.destroy();
        assertThat(relay.process.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
        stop.set(true);
        for (Thread p : posters) {
            p.join(30_000);
        }
        assertThat(relay.process.exitValue()).as("exit status after SIGTERM").isNotEqualTo(Fatal.EXIT_STATUS);
        Eventually.await(Duration.ofSeconds(10), "the stream ended", stream::ended);
        assertThat(stream.endedCleanly()).as("stream ended with its last chunk").isTrue();
        stream.close();

        try (RelayProcess again = RelayProcess.start(log, "relay", "--port", "0", "--db", db, "--secret", SECRET,
                "--token", TOKEN)) {
            RelayClient c = new RelayClient(again.uri);
            Set<String> stored = new java.util.HashSet<>();
            long after = 0;
            while (true) {
                List<JsonNode> page = c.events(TOKEN, after, 1000);
                if (page.isEmpty()) {
                    break;
                }
                for (JsonNode e : page) {
                    stored.add(e.get("payload").get("recharge").get("external_reference").asText());
                    after = e.get("id").asLong();
                }
            }
            assertThat(stored).containsAll(acknowledged);
        }
    }
}
