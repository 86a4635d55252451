package ma.hanout.relay;

import static ma.hanout.relay.RawFraming.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack of issue 13 on the real relay process under the shipped {@code -Xmx256m}: trailer,
 * chunk-extension, CR/LF and header floods from several connections at once, for
 * {@link #FLOOD_SECONDS}. Every flooding connection is refused (4xx or closed), the relay keeps
 * answering, and its live heap (measured right after a full GC asked for with {@code jcmd}) ends
 * within 64 MB of where it started. The default suite floods for 10 s; the figure in the README was
 * measured once with {@code -Dhanout.relay.floodSeconds=60}.
 */
class RelayFloodTest {
    static final int FLOOD_SECONDS = Integer.getInteger("hanout.relay.floodSeconds", 10);
    private static final long HEAP_SLACK = 64L << 20;
    private static final long MAX_PER_CONNECTION = 64L << 20;
    private static final Pattern HEAP = Pattern.compile("(?m)^hanout_relay_heap_used_bytes (\\d+)$");

    @TempDir
    Path dir;

    @Test
    void floodsOfBadFramingAreRefusedAndTheHeapStaysBounded() throws Exception {
        try (RelayProcess relay = RelayProcess.start(dir.resolve("relay.log"), "relay", "--port", "0", "--db",
                dir.resolve("relay.db").toString(), "--secret", "s", "--token", "t")) {
            RelayClient client = new RelayClient(relay.uri);
            long before = liveHeap(relay, client);

            byte[] post = ascii("POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
            List<byte[][]> attacks = List.of(
                    new byte[][] {RawFraming.concat(post, ascii("2\r\n{}\r\n0\r\n")), ascii("X-Trailer: aaaaaaaaaaaaaaaa\r\n")},
                    new byte[][] {RawFraming.concat(post, ascii("2;")), ascii("a=b;")},
                    new byte[][] {new byte[0], ascii("\r\n")},
                    new byte[][] {ascii("GET /health HTTP/1.1\r\nHost: x\r\n"), ascii("X-A: b\r\n")});
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FLOOD_SECONDS);
            ConcurrentLinkedQueue<String> notRefused = new ConcurrentLinkedQueue<>();
            AtomicLong connections = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            java.util.Map<String, AtomicLong> largest = new java.util.concurrent.ConcurrentHashMap<>();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < attacks.size() * 2; i++) {
                byte[][] attack = attacks.get(i % attacks.size());
                Thread t = new Thread(() -> {
                    while (System.nanoTime() < deadline) {
                        try {
                            RawFraming.Outcome o = RawFraming.flood(relay.port, attack[0], attack[1], MAX_PER_CONNECTION,
                                    15_000);
                            connections.incrementAndGet();
                            bytes.addAndGet(o.bytesSent());
                            largest.computeIfAbsent(name(attack[1]), k -> new AtomicLong())
                                    .accumulateAndGet(o.bytesSent(), Math::max);
                            if (!o.refused()) {
                                notRefused.add(name(attack[1]) + ": " + o);
                            }
                        } catch (java.io.IOException e) {
                            // refused at connect or reset: the relay shed us, which is fine
                            connections.incrementAndGet();
                        }
                    }
                }, "flood-" + i);
                t.start();
                threads.add(t);
            }
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(FLOOD_SECONDS + 60));
            }

            assertThat(relay.process.isAlive()).as("relay alive after the flood").isTrue();
            HttpResponse<String> health = client.get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(notRefused).isEmpty();
            long after = liveHeap(relay, client);
            System.out.printf("flood: %d s, %d connections, %d MB sent; live heap %d MB before, %d MB after%n",
                    FLOOD_SECONDS, connections.get(), bytes.get() >> 20, before >> 20, after >> 20);
            largest.forEach((k, v) -> System.out.printf("flood: '%s' connections cut after at most %d KB%n", k, v.get() >> 10));
            assertThat(connections.get()).isGreaterThan(attacks.size());
            assertThat(after - before).as("live heap growth in bytes").isLessThan(HEAP_SLACK);
        }
    }

    private static String name(byte[] unit) {
        return new String(unit, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
    }

    /** The child's heap in use right after a full collection: what it really holds. */
    private static long liveHeap(RelayProcess relay, RelayClient client) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(relay.process.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gc.waitFor(60, TimeUnit.SECONDS)).as("jcmd GC.run finished").isTrue();
        assertThat(gc.exitValue()).as("jcmd GC.run exit status").isZero();
        Matcher m = HEAP.matcher(client.get("/metrics").body());
        assertThat(m.find()).as("heap figure in /metrics").isTrue();
        return Long.parseLong(m.group(1));
    }
}
