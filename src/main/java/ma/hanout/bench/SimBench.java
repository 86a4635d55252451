package ma.hanout.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import ma.hanout.api.ApiConfig;
import ma.hanout.api.ApiException;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.api.RechargeRequest;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;

/**
 * {@code hanout bench sim}: recharges per second through {@link MoroccoTopupClient} against the
 * embedded simulator on loopback, and the floor measured in the same run: a bare JDK HttpServer
 * handler answering the reference's recharge example through the same client, with the same
 * concurrency. The ratio sim/floor says what the simulator's own work costs over HTTP plumbing.
 */
public final class SimBench implements Harness {
    /** Enough in-flight requests to keep 2 cores busy while some threads wait on the network. */
    static final int CONCURRENCY = 16;
    static final Duration WARM_UP = Duration.ofSeconds(2);
    static final Duration MEASURE = Duration.ofSeconds(5);
    /** The measured time of each target is cut into this many alternating rounds. */
    static final int ROUNDS = 4;
    /** A number with no scenario suffix: the simulator takes it through 1 -> 2 -> 3. */
    private static final Phone ORDINARY_NUMBER = new Phone("0612345678");
    /** The reference's {@code POST /recharge} answer, verbatim: what the floor serves. */
    static final String RECHARGE_EXAMPLE = """
            {
            "success": true,
            "status_code": 1,
            "ref_interne": "189957125550360",
            "external_reference": "TEST-001",
            "value": 10,
            "billing_amount": 9.35,
            "balance_after": 70
            }
            """;

    private final int concurrency;
    private final Duration warmUp;
    private final Duration measure;

    /** The standard run: {@value #CONCURRENCY} clients, 2 s warm-up and 5 s measured (in {@value #ROUNDS} alternating rounds) per target. */
    public SimBench() {
        this(CONCURRENCY, WARM_UP, MEASURE);
    }

    /** A shorter or smaller run, for the harness's own test. */
    SimBench(int concurrency, Duration warmUp, Duration measure) {
        this.concurrency = concurrency;
        this.warmUp = warmUp;
        this.measure = measure;
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        // The simulator turns TCP_NODELAY on for the JDK server (read once per JVM): the floor must
        // run under the same setting, or it pays a delayed-ACK stall the simulator does not.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        out.printf(Locale.ROOT, "sim bench: %d concurrent clients, %.1f s warm-up + %.1f s measured per target"
                + " (%d alternating rounds), %d cores%n", concurrency, warmUp.toMillis() / 1000.0,
                measure.toMillis() / 1000.0, ROUNDS, Runtime.getRuntime().availableProcessors());

        // webhooks off, no faults, a balance no run can exhaust: only the recharge path is measured
        SimConfig config = SimConfig.builder().port(0).balance(Money.ofMad(100_000_000))
                .webhookUrl((String) null).faults("").build();
        Load floor;
        Load sim;
        try (FixedAnswerServer server = FixedAnswerServer.start(RECHARGE_EXAMPLE.getBytes(StandardCharsets.UTF_8));
                Simulator simulator = Simulator.start(config)) {
            Target floorTarget = new Target("floor", new MoroccoTopupClient(
                    ApiConfig.of(server.baseUrl(), "API-BENCH", "bench-key")));
            Target simTarget = new Target("sim", new MoroccoTopupClient(
                    ApiConfig.of(simulator.baseUrl(), config.clientCode(), config.apiKey())));
            drive(floorTarget, warmUp);
            drive(simTarget, warmUp);
            // Alternate the measured rounds: a neighbour's load on a shared machine then weighs on
            // both targets alike instead of on whichever happened to run during it.
            Duration round = measure.dividedBy(ROUNDS);
            List<Load> floorRounds = new ArrayList<>();
            List<Load> simRounds = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                floorRounds.add(drive(floorTarget, round));
                simRounds.add(drive(simTarget, round));
            }
            floor = Load.merge(floorRounds);
            sim = Load.merge(simRounds);
        }
        out.println(floor.line("floor (bare JDK HttpServer, fixed recharge JSON)"));
        out.println(sim.line("sim (POST /recharge, simulator, no faults)"));

        double ratio = floor.perSecond() == 0 ? 0 : sim.perSecond() / floor.perSecond();
        out.printf(Locale.ROOT, "ratio sim/floor: %.2f (target >= 0.50); sim %.0f recharges/s (target >= 2000)%n",
                ratio, sim.perSecond());
        if (sim.errors() > 0 || floor.errors() > 0) {
            out.println("errors: sim " + sim.errors() + ", floor " + floor.errors() + "; first: "
                    + (sim.firstError() != null ? sim.firstError() : floor.firstError()));
        }

        Map<String, Number> figures = new LinkedHashMap<>();
        figures.put("recharges_per_s", round(sim.perSecond()));
        figures.put("floor_per_s", round(floor.perSecond()));
        figures.put("ratio", Math.round(ratio * 1000) / 1000.0);
        figures.put("recharges", sim.count());
        figures.put("floor_requests", floor.count());
        figures.put("errors", sim.errors() + floor.errors());
        figures.put("concurrency", concurrency);
        figures.put("sim_p50_ms", sim.percentileMs(50));
        figures.put("sim_p99_ms", sim.percentileMs(99));
        figures.put("floor_p50_ms", floor.percentileMs(50));
        figures.put("floor_p99_ms", floor.percentileMs(99));
        return figures;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** One server under load, with the sequence that keeps every external reference unique. */
    private record Target(String tag, MoroccoTopupClient client, AtomicLong sequence) {
        Target(String tag, MoroccoTopupClient client) {
            this(tag + "-" + Long.toString(System.nanoTime(), 36), client, new AtomicLong());
        }
    }

    /** Recharges from {@code concurrency} threads for {@code duration}, each with a unique reference. */
    private Load drive(Target target, Duration duration) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(concurrency);
        AtomicReference<String> firstError = new AtomicReference<>();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                Callable<long[]> worker = () -> {
                    long[] latencies = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < deadline) {
                        RechargeRequest r = new RechargeRequest(ORDINARY_NUMBER, Operator.INWI, Money.ofMad(10),
                                Promo.PLAIN, "B-" + target.tag() + "-" + target.sequence().incrementAndGet());
                        long t0 = System.nanoTime();
                        try {
                            target.client().recharge(r);
                        } catch (ApiException e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.getMessage());
                            continue;
                        }
                        if (n == latencies.length) {
                            latencies = Arrays.copyOf(latencies, n * 2);
                        }
                        latencies[n++] = System.nanoTime() - t0;
                    }
                    return Arrays.copyOf(latencies, n);
                };
                workers.add(threads.submit(worker));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> w : workers) {
                all.add(w.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            return new Load(merged, seconds, errors.get(), firstError.get());
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** What one measured phase did: sorted latencies of the successful calls, wall time, failures. */
    record Load(long[] latencies, double seconds, long errors, String firstError) {
        static Load merge(List<Load> rounds) {
            long[] all = rounds.stream().flatMapToLong(l -> Arrays.stream(l.latencies)).sorted().toArray();
            return new Load(all, rounds.stream().mapToDouble(Load::seconds).sum(),
                    rounds.stream().mapToLong(Load::errors).sum(),
                    rounds.stream().map(Load::firstError).filter(java.util.Objects::nonNull).findFirst().orElse(null));
        }

        long count() {
            return latencies.length;
        }

        double perSecond() {
            return latencies.length / seconds;
        }

        double percentileMs(int p) {
            if (latencies.length == 0) {
                return 0;
            }
            int i = Math.min(latencies.length - 1, (int) Math.ceil(p / 100.0 * latencies.length) - 1);
            return Math.round(latencies[Math.max(0, i)] / 10_000.0) / 100.0;
        }

        String line(String label) {
            return String.format(Locale.ROOT, "%-50s %6d in %.2f s = %.0f/s (p50 %.2f ms, p99 %.2f ms)%s",
                    label + ":", count(), seconds, perSecond(), percentileMs(50), percentileMs(99),
                    errors == 0 ? "" : ", " + errors + " errors");
        }
    }

    /** The floor: the JDK server answering one fixed body, no work behind it. */
    static final class FixedAnswerServer implements AutoCloseable {
        private final HttpServer server;
        private final ExecutorService threads;

        private FixedAnswerServer(HttpServer server, ExecutorService threads) {
            this.server = server;
            this.threads = threads;
        }

        static FixedAnswerServer start(byte[] body) throws IOException {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            // the same thread count as the simulator's HTTP pool, so only the work behind differs
            ExecutorService threads = Executors.newFixedThreadPool(
                    Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    in.readAllBytes();
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.setExecutor(threads);
            server.start();
            return new FixedAnswerServer(server, threads);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/rest/V1/recharge-api";
        }

        @Override
        public void close() {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
