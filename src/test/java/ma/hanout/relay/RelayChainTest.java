package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ma.hanout.testing.Eventually;
import ma.hanout.testing.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain of issue 13: two real relay processes on one PostgreSQL, a terminal subscribed to each,
 * 2,000 signed webhooks posted to both (each retried until acknowledged, on whichever relay answers)
 * while one relay is killed with SIGKILL and started again. Every acknowledged event reaches both
 * terminals exactly once, and both see the same events in the same order.
 */
class RelayChainTest {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private static final String SECRET = "chain-secret";
    private static final String TOKEN = "shop-terminal";
    private static final int WEBHOOKS = 2_000;
    private static final int POSTERS = 16;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEventReachesBothTerminalsOnceInOneOrderThroughAKill() throws Exception {
        String db = PG.newDatabase();
        Path log = dir.resolve("relays.log");
        RelayProcess a = RelayProcess.start(log, "relay", "--port", "0", "--db", db, "--secret", SECRET, "--token", TOKEN);
        // B comes back on its port after the kill: a port below the ephemeral range, so that none of
        // the thousands of connections tried while it is down (each from an ephemeral port, and a
        // connect from port P to port P is a self-connection) can hold it when B starts again
        RelayProcess[] b = {startOutsideEphemeralRange(log, db)};
        int bPort = b[0].port;
        RelayClient[] clients = {new RelayClient(a.uri), new RelayClient(b[0].uri)};
        RecordingSinks onA = new RecordingSinks();
        RecordingSinks onB = new RecordingSinks();
        RelaySubscriber subA = onA.subscribe(RelaySubscriberConfig.of(a.uri, TOKEN, Optional.of(SECRET))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(300)));
        RelaySubscriber subB = onB.subscribe(RelaySubscriberConfig.of(b[0].uri, TOKEN, Optional.of(SECRET))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(300)));
        try {
            Eventually.await(Duration.ofSeconds(30), "both terminals connected",
                    () -> subA.state() == RelayConnectionState.CONNECTED && subB.state() == RelayConnectionState.CONNECTED);

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger next = new AtomicInteger();
            List<Thread> posters = new ArrayList<>();
            for (int t = 0; t < POSTERS; t++) {
                Thread poster = new Thread(() -> {
                    int n;
                    while ((n = next.getAndIncrement()) < WEBHOOKS) {
                        String ref = "HN-C" + n;
                        String body = RelayClient.rechargeBody(ref, 1, 2);
                        // alternate relays; when one is down the provider's retry lands on the other
                        for (int attempt = 0; attempt < 2_000 && !acknowledged.contains(ref); attempt++) {
                            try {
                                HttpResponse<String> r = clients[(n + attempt) % 2].postMoroccoTopup(SECRET, body);
                                if (r.statusCode() == 200) {
                                    acknowledged.add(ref);
                                }
                            } catch (RuntimeException down) {
                                // that relay is down: the next attempt goes to the other
                            }
                        }
                    }
                }, "chain-poster-" + t);
                poster.start();
                posters.add(poster);
            }

            Eventually.await(Duration.ofSeconds(60), "a third acknowledged", () -> acknowledged.size() >= WEBHOOKS / 3);
            b[0].kill();
            int atKill = acknowledged.size();
            Eventually.await(Duration.ofSeconds(60), "more acknowledged by the survivor",
                    () -> acknowledged.size() >= atKill + 200);
            b[0] = RelayProcess.start(log, "relay", "--port", Integer.toString(bPort), "--db", db, "--secret", SECRET,
                    "--token", TOKEN);
            for (Thread p : posters) {
                p.join(180_000);
            }
            assertThat(acknowledged).hasSize(WEBHOOKS);

            Eventually.await(Duration.ofSeconds(60), "terminal A has every event", () -> refs(onA).containsAll(acknowledged));
            Eventually.await(Duration.ofSeconds(60), "terminal B has every event", () -> refs(onB).containsAll(acknowledged));
            assertThat(refs(onA)).hasSize(WEBHOOKS).doesNotHaveDuplicates();
            assertThat(refs(onB)).hasSize(WEBHOOKS).doesNotHaveDuplicates();
            List<Long> idsA = onA.recharges.stream().map(e -> Long.parseLong(e.streamId())).toList();
            List<Long> idsB = onB.recharges.stream().map(e -> Long.parseLong(e.streamId())).toList();
            assertThat(idsA).isSorted().doesNotHaveDuplicates();
            assertThat(idsB).isEqualTo(idsA);
            assertThat(refs(onB)).isEqualTo(refs(onA));
            assertThat(subA.rejectedEvents()).isZero();
            assertThat(subB.rejectedEvents()).isZero();
            assertThat(onB.states).contains(RelayConnectionState.DISCONNECTED);
        } finally {
            subA.close();
            subB.close();
            a.close();
            b[0].close();
        }
    }

    private static RelayProcess startOutsideEphemeralRange(Path log, String db) throws Exception {
        int low = 32768;
        try {
            low = Integer.parseInt(java.nio.file.Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))
                    .strip().split("\\s+")[0]);
        } catch (java.io.IOException | RuntimeException notLinux) {
            // keep the usual Linux default
        }
        java.util.Random random = new java.util.Random();
        IllegalStateException last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            int port = 10_000 + random.nextInt(Math.max(1, low - 10_000));
            try {
                return RelayProcess.start(log, "relay", "--port", Integer.toString(port), "--db", db, "--secret", SECRET,
                        "--token", TOKEN);
            } catch (IllegalStateException taken) {
                last = taken; // another program listens there: another port
            }
        }
        throw last;
    }

    private static List<String> refs(RecordingSinks sinks) {
        return sinks.recharges.stream().map(e -> e.externalReference().orElseThrow()).toList();
    }
}
