package ma.hanout.relay;

import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ma.hanout.webhook.HttpSignature;
import ma.hanout.webhook.WebhookSource;

/**
 * The webhook relay (DESIGN section 5), embeddable: {@link #start} binds 127.0.0.1 (TLS and the
 * public name belong to a reverse proxy in front), opens the database and serves
 * {@code POST /hooks/{moroccotopup,tiqopay,fedapay,ipn}}, {@code GET /events} (stream or JSON),
 * {@code GET /health} and {@code GET /metrics}. {@link #close} stops it; every event acknowledged
 * before is on disk.
 */
public final class RelayServer implements AutoCloseable {
    private static final int WORKERS = 4;

    private final RelayHttp http;
    private final ExecutorService workers;
    private final EventStore store;
    private final StoreTail tail;
    private final IngestWriter writer;
    private final EventStreams streams;
    private final RelayMetrics metrics;

    private RelayServer(RelayHttp http, ExecutorService workers, EventStore store, IngestWriter writer, StoreTail tail,
            EventStreams streams, RelayMetrics metrics) {
        this.http = http;
        this.workers = workers;
        this.store = store;
        this.tail = tail;
        this.writer = writer;
        this.streams = streams;
        this.metrics = metrics;
    }

    /**
     * Starts a relay. Throws {@link IllegalStateException} with a plain message when the port is taken,
     * {@link EventStoreException} when the database cannot be opened.
     */
    public static RelayServer start(RelayConfig config) {
        EventStore store = EventStore.open(config.database);
        RelayMetrics metrics = new RelayMetrics();
        metrics.lastEventId(store::lastId);
        AtomicInteger n = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
            Thread t = new Thread(r, "relay-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        long tick = Math.min(1_000_000_000L, Math.max(10_000_000L, config.heartbeat.toNanos() / 2));
        RelayHttp http;
        try {
            http = RelayHttp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port),
                    RelayConfig.MAX_BODY_BYTES, (path, status) -> metrics.rejected(routeOf(path),
                            status == 413 || status == 431 ? "too_large" : "bad_request"), config.log);
        } catch (BindException e) {
            workers.shutdownNow();
            store.close();
            throw new IllegalStateException("port " + config.port + " is already in use", e);
        } catch (RuntimeException e) {
            workers.shutdownNow();
            store.close();
            throw e;
        }
        EventStreams streams = new EventStreams(http::execute, store, workers, metrics, config.clock,
                config.heartbeat.toNanos(), config.subscriberBacklogBytes, config.subscriberQueueBatches);
        // a store shared with other relays feeds the streams from the table itself, our commits included
        StoreTail tail = store.shared() ? new StoreTail(store, streams::publish, config.log) : null;
        store.gauges(metrics);
        java.util.function.Consumer<List<EventFrame>> publish = tail == null ? streams::publish : frames -> tail.poke();
        IngestWriter writer = new IngestWriter(store, publish, metrics, config.clock, config.retention,
                config.retentionSweep, config.log);

        PrintStream log = config.log;
        Map<String, RelayHttp.Handler> routes = new HashMap<>();
        hook(routes, DeliveryCheck.moroccoTopup(config.moroccoTopupSecret, config.tolerance, config.clock), config,
                writer, metrics);
        config.tiqopaySecret.ifPresentOrElse(
                s -> hook(routes, DeliveryCheck.tiqopay(s, config.clock), config, writer, metrics),
                () -> notConfigured(routes, "tiqopay", "--tiqopay-secret"));
        config.fedapaySecret.ifPresentOrElse(
                s -> hook(routes, DeliveryCheck.fedapay(s, config.clock), config, writer, metrics),
                () -> notConfigured(routes, "fedapay", "--fedapay-secret"));
        if (config.ipnSecret.isPresent() || config.ipnPassword.isPresent()) {
            Optional<HttpSignature> sig = config.ipnSecret.map(s -> new HttpSignature(config.ipnKeyId.orElseThrow(), s));
            hook(routes, DeliveryCheck.ipn(sig, config.ipnPassword, config.clock), config, writer, metrics);
        } else {
            notConfigured(routes, "ipn", "--ipn-key-id/--ipn-secret or --ipn-password");
        }
        routes.put("/events", new EventsHandler(store, streams, new SubscriberTokens(config.tokens), metrics,
                config.maxSubscribers));
        routes.put("/health", ex -> health(ex, store, streams));
        routes.put("/metrics", ex -> metricsPage(ex, metrics));
        RelayHttp.Handler notFound = RelayServer::notFound;
        http.everyTick(streams::heartbeat, tick);
        http.route(path -> routes.getOrDefault(path, notFound));
        log.flush();
        return new RelayServer(http, workers, store, writer, tail, streams, metrics);
    }

    private static String routeOf(String path) {
        if (path != null && path.startsWith("/hooks/")) {
            String name = path.substring(7);
            if (WebhookSource.fromWire(name).isPresent()) {
                return name;
            }
        }
        return "http";
    }

    private static void hook(Map<String, RelayHttp.Handler> routes, DeliveryCheck check, RelayConfig config,
            IngestWriter writer, RelayMetrics metrics) {
        routes.put("/hooks/" + check.source().wireName(),
                new HookHandler(check, config.allowList, writer, metrics, config.clock, config.log));
    }

    private static void notConfigured(Map<String, RelayHttp.Handler> routes, String source, String flags) {
        routes.put("/hooks/" + source, ex -> ex.reply(HttpReply.error(404,
                "the " + source + " hook is not enabled on this relay (start it with " + flags + ")", "not_configured")));
    }

    private static void notFound(HttpExchange ex) {
        ex.reply(HttpReply.error(404, "no such route: " + ex.request().path()
                + " (routes: POST /hooks/{moroccotopup,tiqopay,fedapay,ipn}, GET /events, GET /health, GET /metrics)",
                "not_found"));
    }

    private static void health(HttpExchange ex, EventStore store, EventStreams streams) {
        String method = ex.request().method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.reply(HttpReply.methodNotAllowed(method, "GET, HEAD"));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long last = store.lastId();
            body.put("ok", true);
            body.put("last_event_id", last);
            body.put("subscribers", streams.size());
            ex.reply(HttpReply.json(200, body));
        } catch (EventStoreException e) {
            body.put("ok", false);
            body.put("error", "database unavailable: " + e.getMessage());
            ex.reply(HttpReply.json(503, body));
        }
    }

    private static void metricsPage(HttpExchange ex, RelayMetrics metrics) {
        if (!ex.request().method().equals("GET")) {
            ex.reply(HttpReply.methodNotAllowed(ex.request().method(), "GET"));
            return;
        }
        ex.reply(HttpReply.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render()));
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return http.port();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Subscribers connected to the event stream now. */
    public int subscribers() {
        return streams.size();
    }

    /** Ends the streams, stops listening, stores what was already accepted, closes the database. */
    @Override
    public void close() {
        // streams first (they would hold the graceful stop), then the HTTP side waits for the
        // ingests in flight, which need the writer running to be answered
        http.execute(streams::finishAll);
        http.close();
        writer.close();
        if (tail != null) {
            tail.close();
        }
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        store.close();
    }
}
