package ma.hanout.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import ma.hanout.relay.RelayConfig;
import ma.hanout.relay.RelayServer;
import ma.hanout.webhook.MoroccoTopupSignature;

/**
 * {@code hanout bench relay}: an embedded relay on a temporary database (WAL, synchronous=FULL),
 * 100 event-stream subscribers connected, signed MoroccoTopup webhooks posted from several
 * keep-alive connections. Measures ingest throughput (webhooks verified, committed and acknowledged
 * per second) and the delay from sending a webhook to a subscriber reading it, over every delivery
 * to every subscriber (p50, p99). Providers and subscribers speak plain HTTP/1.1 on sockets so the
 * load generator costs little of the two cores the relay itself needs.
 */
public final class RelayBench implements Harness {
    private static final int SUBSCRIBERS = 100;
    private static final int POSTERS = 32;
    private static final long WARMUP_MS = 2_000;
    private static final long MEASURE_MS = 8_000;
    private static final int PACED_RATE = 2_000;
    private static final long PACED_MS = 5_000;
    private static final int MAX_EVENTS = 400_000;
    private static final String SECRET = "bench-secret";
    private static final String TOKEN = "bench-token";

    private final boolean postgres;

    public RelayBench() {
        this(false);
    }

    /** {@code postgres}: two relays on one PostgreSQL database, subscribers and posters split between them. */
    RelayBench(boolean postgres) {
        this.postgres = postgres;
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("hanout-relay-bench");
        AtomicLongArray sentAt = new AtomicLongArray(MAX_EVENTS);
        Subscribers subscribers = null;
        List<Poster> posters = new ArrayList<>();
        ThrowawayPostgres pg = null;
        List<RelayServer> relays = new ArrayList<>();
        try {
            String database;
            if (postgres) {
                String given = System.getenv("HANOUT_BENCH_PG");
                if (given != null && !given.isBlank()) {
                    database = given;
                    out.println("PostgreSQL from HANOUT_BENCH_PG (its events table must be new or the relay's)");
                } else {
                    pg = ThrowawayPostgres.start();
                    database = pg.url();
                    out.println("throwaway PostgreSQL " + pg.version() + " on 127.0.0.1:" + pg.port()
                            + " (fsync on, synchronous_commit on)");
                }
            } else {
                database = dir.resolve("relay.db").toString();
            }
            for (int i = 0; i < (postgres ? 2 : 1); i++) {
                relays.add(RelayServer.start(RelayConfig.builder(0, database, SECRET, List.of(TOKEN))
                        .maxSubscribers(SUBSCRIBERS + 10)
                        .log(new PrintStream(OutputStream.nullOutputStream()))
                        .build()));
            }
            RelayServer relay = relays.get(0);
            int[] ports = relays.stream().mapToInt(RelayServer::port).toArray();
            if (postgres) {
                out.println(relays.size() + " relays on " + Arrays.toString(ports) + ", one PostgreSQL database; "
                        + "subscribers and posters alternate between them");
            } else {
                out.println("relay on " + relay.baseUri() + ", database " + dir.resolve("relay.db")
                        + " (WAL, synchronous=FULL)");
            }
            subscribers = new Subscribers(ports, SUBSCRIBERS, sentAt);
            subscribers.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (connected(relays) < SUBSCRIBERS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                Thread.sleep(5);
            }
            out.println(connected(relays) + " subscribers connected");
            double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            out.printf("machine load average (1 min) at the start: %.2f on %d cores (other work competes for them)%n",
                    load, Runtime.getRuntime().availableProcessors());

            AtomicInteger nextSeq = new AtomicInteger();
            MoroccoTopupSignature signer = new MoroccoTopupSignature(SECRET);

            // 1. throughput: every poster sends as fast as the relay acknowledges
            out.println(POSTERS + " posters sending signed webhooks as fast as acknowledged; warming up " + WARMUP_MS
                    + " ms");
            Phase saturated = Phase.run(ports, signer, nextSeq, sentAt, 0, WARMUP_MS, MEASURE_MS, posters);
            double ingestPerS = saturated.ackedPerSecond();
            out.printf("ingest: %d webhooks acknowledged in %.2f s = %.0f webhooks/s (%d refused or failed)%n",
                    saturated.acked, saturated.seconds, ingestPerS, saturated.failures);
            double[] sat = delays(subscribers, saturated, nextSeq.get(), out, "at full speed");

            // 2. delay at the target rate: sends paced at 2,000/s, timed from when each was due to go
            // (a late send counts its lateness, so a stalled relay cannot hide behind fewer sends)
            out.println("pacing the same posters at " + PACED_RATE + " webhooks/s");
            Phase paced = Phase.run(ports, signer, nextSeq, sentAt, PACED_RATE, 1_000, PACED_MS, posters);
            out.printf("paced: %d webhooks acknowledged in %.2f s = %.0f webhooks/s%n", paced.acked, paced.seconds,
                    paced.ackedPerSecond());
            double[] at = delays(subscribers, paced, nextSeq.get(), out, "at " + PACED_RATE + "/s");
            out.printf("targets: >= 2000 webhooks/s %s, p99 < 50 ms at 2000/s %s%n", ingestPerS >= 2000 ? "met" : "NOT met",
                    at[1] < 50 ? "met" : "NOT met");

            int sent = Math.min(nextSeq.get(), MAX_EVENTS);
            long complete = subscribers.complete(sent);
            out.println(complete + "/" + SUBSCRIBERS + " subscribers received all " + sent + " events");
            long commits = 0;
            for (RelayServer r : relays) {
                String m = new String(java.net.URI.create(r.baseUri() + "/metrics").toURL().openStream()
                        .readAllBytes(), StandardCharsets.UTF_8);
                java.util.regex.Matcher cm = java.util.regex.Pattern.compile("(?m)^hanout_relay_commits_total (\\d+)")
                        .matcher(m);
                commits += cm.find() ? Long.parseLong(cm.group(1)) : 0;
            }
            out.printf("group commit: %d transactions for %d events (%.1f events per fsync)%n", commits, sent,
                    commits == 0 ? 0.0 : (double) sent / commits);

            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("ingest_per_s", Math.round(ingestPerS));
            figures.put("delivery_p50_ms", round2(at[0]));
            figures.put("delivery_p99_ms", round2(at[1]));
            figures.put("delivery_max_ms", round2(at[2]));
            figures.put("paced_rate_per_s", Math.round(paced.ackedPerSecond()));
            figures.put("saturated_delivery_p50_ms", round2(sat[0]));
            figures.put("saturated_delivery_p99_ms", round2(sat[1]));
            figures.put("subscribers", connected(relays));
            figures.put("relays", relays.size());
            figures.put("subscribers_complete", complete);
            figures.put("posters", POSTERS);
            figures.put("events_per_fsync", round2(commits == 0 ? 0 : (double) sent / commits));
            figures.put("load_avg_1m", round2(load));
            return figures;
        } finally {
            if (subscribers != null) {
                subscribers.close();
            }
            for (Poster p : posters) {
                p.close();
            }
            for (RelayServer r : relays) {
                r.close();
            }
            if (pg != null) {
                pg.close();
            }
            deleteTree(dir);
        }
    }

    private static int connected(List<RelayServer> relays) {
        return relays.stream().mapToInt(RelayServer::subscribers).sum();
    }

    /** Waits until every subscriber has every event sent so far, then p50, p99 and max (ms) of the phase's deliveries. */
    private static double[] delays(Subscribers subscribers, Phase phase, int sent, PrintStream out, String label)
            throws InterruptedException {
        long waitUntil = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < waitUntil && !subscribers.allReceived(Math.min(sent, MAX_EVENTS))) {
            Thread.sleep(20);
        }
        long[] d = subscribers.delays(phase.firstSeq, phase.lastSeq);
        Arrays.sort(d);
        double[] r = {percentileMillis(d, 0.50), percentileMillis(d, 0.99), d.length == 0 ? Double.NaN : d[d.length - 1] / 1e6};
        out.printf("delivery %s (send -> read at a subscriber, %d deliveries): p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                label, d.length, r[0], r[1], r[2]);
        return r;
    }

    /** One measuring phase: posters started, warmed, measured, stopped. */
    private static final class Phase {
        int firstSeq;
        int lastSeq;
        long acked;
        long failures;
        double seconds;

        double ackedPerSecond() {
            return acked / seconds;
        }

        static Phase run(int[] ports, MoroccoTopupSignature signer, AtomicInteger nextSeq, AtomicLongArray sentAt, int rate,
                long warmupMs, long measureMs, List<Poster> all) throws InterruptedException {
            AtomicBoolean stop = new AtomicBoolean();
            List<Poster> posters = new ArrayList<>();
            long start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < POSTERS; i++) {
                long interval = rate == 0 ? 0 : 1_000_000_000L * POSTERS / rate;
                Poster p = new Poster(ports[i % ports.length], signer, nextSeq, sentAt, stop, interval,
                        start + (rate == 0 ? 0 : interval * i / POSTERS));
                posters.add(p);
                all.add(p);
                p.start();
            }
            Thread.sleep(warmupMs);
            Phase phase = new Phase();
            phase.firstSeq = nextSeq.get();
            long acked0 = Poster.total(posters);
            long t0 = System.nanoTime();
            Thread.sleep(measureMs);
            phase.acked = Poster.total(posters) - acked0;
            phase.seconds = (System.nanoTime() - t0) / 1e9;
            phase.lastSeq = nextSeq.get();
            stop.set(true);
            for (Poster p : posters) {
                p.join(30_000);
                p.close();
            }
            phase.failures = posters.stream().mapToLong(p -> p.failures).sum();
            return phase;
        }
    }

    private static double percentileMillis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** A provider: one keep-alive connection posting signed webhooks back to back. */
    private static final class Poster extends Thread {
        private final int port;
        private final MoroccoTopupSignature signer;
        private final AtomicInteger nextSeq;
        private final AtomicLongArray sentAt;
        private final AtomicBoolean stop;
        private final AtomicLong acked = new AtomicLong();
        private long failures;
        private Socket socket;

        private final long intervalNanos;
        private long dueNanos;

        /** {@code intervalNanos} 0: back to back; otherwise one send per interval from {@code firstDueNanos}. */
        Poster(int port, MoroccoTopupSignature signer, AtomicInteger nextSeq, AtomicLongArray sentAt, AtomicBoolean stop,
                long intervalNanos, long firstDueNanos) {
            super("bench-poster");
            setDaemon(true);
            this.port = port;
            this.signer = signer;
            this.nextSeq = nextSeq;
            this.sentAt = sentAt;
            this.stop = stop;
            this.intervalNanos = intervalNanos;
            this.dueNanos = firstDueNanos;
        }

        static long total(List<Poster> posters) {
            return posters.stream().mapToLong(p -> p.acked.get()).sum();
        }

        @Override
        public void run() {
            try {
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                OutputStream out = socket.getOutputStream();
                InputStream in = new BufferedInputStream(socket.getInputStream());
                while (!stop.get()) {
                    int seq = nextSeq.getAndIncrement();
                    if (seq >= MAX_EVENTS) {
                        return;
                    }
                    byte[] body = ("{\"event\":\"recharge.status_changed\",\"client_code\":\"API-BENCH-0001\","
                            + "\"status_code_old\":1,\"status_code_new\":2,\"bench_seq\":" + seq + ",\"recharge\":{"
                            + "\"ref_interne\":\"" + (189957125550360L + seq) + "\",\"external_reference\":\"BENCH-" + seq
                            + "\",\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,\"type\":\"6\","
                            + "\"billing_amount\":9.35,\"created_at\":\"2026-01-09 19:21:57\","
                            + "\"executed_at\":\"2026-01-09 19:22:00\"}}").getBytes(StandardCharsets.UTF_8);
                    String ts = Long.toString(System.currentTimeMillis() / 1000);
                    byte[] head = ("POST /hooks/moroccotopup HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                            + "Content-Type: application/json\r\nX-Webhook-Timestamp: " + ts + "\r\n"
                            + "X-Webhook-Signature: " + signer.sign(ts, body) + "\r\nContent-Length: " + body.length
                            + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                    byte[] request = new byte[head.length + body.length];
                    System.arraycopy(head, 0, request, 0, head.length);
                    System.arraycopy(body, 0, request, head.length, body.length);
                    if (intervalNanos > 0) {
                        long wait;
                        while ((wait = dueNanos - System.nanoTime()) > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        sentAt.set(seq, dueNanos);
                        dueNanos += intervalNanos;
                    } else {
                        sentAt.set(seq, System.nanoTime());
                    }
                    out.write(request);
                    out.flush();
                    if (readStatus(in) == 200) {
                        acked.incrementAndGet();
                    } else {
                        failures++;
                    }
                }
            } catch (IOException e) {
                failures++;
            }
        }

        /** Reads one answer (status line, headers, Content-Length body) and returns its status. */
        private static int readStatus(InputStream in) throws IOException {
            String status = line(in);
            int length = 0;
            String h;
            while (!(h = line(in)).isEmpty()) {
                if (h.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                    length = Integer.parseInt(h.substring(15).strip());
                }
            }
            in.readNBytes(length);
            return Integer.parseInt(status.split(" ")[1]);
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing at the end of the run
            }
        }
    }

    /**
     * The 100 subscribers, read by one selector thread (as many separate machines would, without
     * 100 threads of context switches eating the relay's two cores): each connection de-chunks its
     * event stream, finds each event's {@code "bench_seq":N} in the parsed payload (the raw_body copy
     * has escaped quotes, so it does not match) and records how long after sending it arrived.
     */
    private static final class Subscribers extends Thread {
        private static final byte[] KEY = "bench_seq\":".getBytes(StandardCharsets.US_ASCII);

        private final Selector selector;
        private final List<Sub> subs = new ArrayList<>();
        private final AtomicLongArray sentAt;
        private volatile boolean stopped;

        Subscribers(int[] ports, int count, AtomicLongArray sentAt) throws IOException {
            super("bench-subscribers");
            setDaemon(true);
            this.sentAt = sentAt;
            this.selector = Selector.open();
            byte[] request = ("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + TOKEN + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                SocketChannel ch = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        ports[i % ports.length]));
                ByteBuffer req = ByteBuffer.wrap(request);
                while (req.hasRemaining()) {
                    ch.write(req);
                }
                ch.configureBlocking(false);
                Sub sub = new Sub(ch);
                ch.register(selector, SelectionKey.OP_READ, sub);
                subs.add(sub);
            }
        }

        @Override
        public void run() {
            ByteBuffer buf = ByteBuffer.allocate(256 * 1024);
            try {
                while (!stopped) {
                    selector.select(100);
                    long now = System.nanoTime();
                    for (SelectionKey key : selector.selectedKeys()) {
                        Sub sub = (Sub) key.attachment();
                        buf.clear();
                        int n = sub.channel.read(buf);
                        if (n < 0) {
                            key.cancel();
                            continue;
                        }
                        sub.consume(buf.array(), n, now);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                // the run is over
            }
        }

        int complete(int sent) {
            return (int) subs.stream().filter(s -> s.received >= sent).count();
        }

        boolean allReceived(int sent) {
            return subs.stream().allMatch(s -> s.received >= sent);
        }

        long[] delays(int from, int to) {
            return subs.stream().flatMapToLong(s -> s.delaysFor(from, to)).toArray();
        }

        void close() throws InterruptedException {
            stopped = true;
            selector.wakeup();
            join(5_000);
            for (Sub s : subs) {
                try {
                    s.channel.close();
                } catch (IOException ignored) {
                    // closing at the end of the run
                }
            }
            try {
                selector.close();
            } catch (IOException ignored) {
                // closing at the end of the run
            }
        }

        /** One subscriber connection's parse state. Touched only by the selector thread until the run ends. */
        private final class Sub {
            final SocketChannel channel;
            private int headerTail;
            private boolean inHeaders = true;
            private int chunkLeft = -1;
            private int sizeAcc;
            private int crlfLeft;
            private int matched;
            private boolean inSeq;
            private int seq;
            volatile int received;
            private long[] seqs = new long[4096];
            private long[] delays = new long[4096];
            private int count;

            Sub(SocketChannel channel) {
                this.channel = channel;
            }

            void consume(byte[] a, int n, long now) {
                int i = 0;
                while (i < n) {
                    if (inHeaders) {
                        // the headers end with CRLF CRLF: count the run of CR/LF bytes
                        byte b = a[i++];
                        headerTail = (b == '\r' || b == '\n') ? headerTail + 1 : 0;
                        inHeaders = headerTail < 4;
                    } else if (crlfLeft > 0) {
                        crlfLeft--;
                        i++;
                    } else if (chunkLeft < 0) {
                        byte b = a[i++];
                        if (b == '\n') {
                            chunkLeft = sizeAcc;
                            sizeAcc = 0;
                            if (chunkLeft == 0) {
                                return;
                            }
                        } else if (b != '\r') {
                            sizeAcc = sizeAcc * 16 + Character.digit(b, 16);
                        }
                    } else {
                        int end = Math.min(n, i + chunkLeft);
                        scan(a, i, end, now);
                        chunkLeft -= end - i;
                        i = end;
                        if (chunkLeft == 0) {
                            chunkLeft = -1;
                            crlfLeft = 2;
                        }
                    }
                }
            }

            private void scan(byte[] a, int from, int to, long now) {
                int i = from;
                while (i < to) {
                    if (inSeq) {
                        byte b = a[i];
                        if (b >= '0' && b <= '9') {
                            seq = seq * 10 + (b - '0');
                            i++;
                            continue;
                        }
                        record(seq, now);
                        inSeq = false;
                    }
                    if (matched == 0) {
                        while (i < to && a[i] != 'b') {
                            i++;
                        }
                        if (i == to) {
                            return;
                        }
                        matched = 1;
                        i++;
                    } else if (a[i] == KEY[matched]) {
                        matched++;
                        i++;
                        if (matched == KEY.length) {
                            matched = 0;
                            inSeq = true;
                            seq = 0;
                        }
                    } else {
                        matched = 0;
                    }
                }
            }

            private void record(int s, long now) {
                if (count == seqs.length) {
                    seqs = Arrays.copyOf(seqs, count * 2);
                    delays = Arrays.copyOf(delays, count * 2);
                }
                seqs[count] = s;
                delays[count] = now - sentAt.get(s);
                count++;
                received = count;
            }

            LongStream delaysFor(int from, int to) {
                LongStream.Builder out = LongStream.builder();
                for (int k = 0; k < count; k++) {
                    if (seqs[k] >= from && seqs[k] < to) {
                        out.add(delays[k]);
                    }
                }
                return out.build();
            }
        }
    }
}
