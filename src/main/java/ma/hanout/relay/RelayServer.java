package ma.hanout.relay;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import ma.hanout.webhook.HttpSignature;

/**
 * The webhook relay (DESIGN section 5), embeddable: {@link #start} binds 127.0.0.1 (TLS and the
 * public name belong to a reverse proxy in front), opens the database and serves
 * {@code POST /hooks/{moroccotopup,tiqopay,fedapay,ipn}}, {@code GET /events} (stream or JSON),
 * {@code GET /health} and {@code GET /metrics}. {@link #close} stops it; every event acknowledged
 * before is on disk.
 */
public final class RelayServer implements AutoCloseable {
    static {
        // The JDK server writes the headers and the body of an answer separately; with Nagle on, the
        // body waits for the client's delayed ACK (40 ms) on a kept-alive connection. Read once, when
        // the JDK's server classes load, hence here and not per instance.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final EventStore store;
    private final IngestWriter writer;
    private final LiveFeed feed;
    private final RelayMetrics metrics;

    private RelayServer(HttpServer http, ExecutorService executor, EventStore store, IngestWriter writer, LiveFeed feed,
            RelayMetrics metrics) {
        this.http = http;
        this.executor = executor;
        this.store = store;
        this.writer = writer;
        this.feed = feed;
        this.metrics = metrics;
    }

    /**
     * Starts a relay. Throws {@link IllegalStateException} with a plain message when the port is taken
     * or the database cannot be opened.
     */
    public static RelayServer start(RelayConfig config) {
        EventStore store = EventStore.open(config.database);
        RelayMetrics metrics = new RelayMetrics();
        metrics.lastEventId(store::lastId);
        LiveFeed feed = new LiveFeed(config.subscriberQueueBatches, () -> metrics.subscriberDropped("overflow"));
        IngestWriter writer = new IngestWriter(store, feed, metrics, config.clock, config.retention,
                config.retentionSweep, config.log);
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port), 256);
        } catch (BindException e) {
            writer.close();
            store.close();
            throw new IllegalStateException("port " + config.port + " is already in use", e);
        } catch (IOException e) {
            writer.close();
            store.close();
            throw new IllegalStateException("cannot listen on port " + config.port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(4, config.maxSubscribers + 256, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, "relay-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        http.setExecutor(executor);

        var log = config.log;
        hook(http, DeliveryCheck.moroccoTopup(config.moroccoTopupSecret, config.tolerance, config.clock), config, writer,
                metrics);
        config.tiqopaySecret.ifPresentOrElse(
                s -> hook(http, DeliveryCheck.tiqopay(s, config.clock), config, writer, metrics),
                () -> notConfigured(http, "tiqopay", "--tiqopay-secret", log));
        config.fedapaySecret.ifPresentOrElse(
                s -> hook(http, DeliveryCheck.fedapay(s, config.clock), config, writer, metrics),
                () -> notConfigured(http, "fedapay", "--fedapay-secret", log));
        if (config.ipnSecret.isPresent() || config.ipnPassword.isPresent()) {
            Optional<HttpSignature> sig = config.ipnSecret.map(s -> new HttpSignature(config.ipnKeyId.orElseThrow(), s));
            hook(http, DeliveryCheck.ipn(sig, config.ipnPassword, config.clock), config, writer, metrics);
        } else {
            notConfigured(http, "ipn", "--ipn-key-id/--ipn-secret or --ipn-password", log);
        }
        http.createContext("/events", new Route("/events", new EventsHandler(store, feed,
                new SubscriberTokens(config.tokens), metrics, config.clock, config.heartbeat, config.maxSubscribers), log));
        http.createContext("/health", new Route("/health", ex -> health(ex, store, metrics), log));
        http.createContext("/metrics", new Route("/metrics", ex -> metricsPage(ex, metrics), log));
        http.createContext("/", new Route(null, Route::notFound, log));
        http.start();
        return new RelayServer(http, executor, store, writer, feed, metrics);
    }

    private static void hook(HttpServer http, DeliveryCheck check, RelayConfig config, IngestWriter writer,
            RelayMetrics metrics) {
        String path = "/hooks/" + check.source().wireName();
        http.createContext(path, new Route(path,
                new HookHandler(check, config.allowList, writer, metrics, config.clock, config.log), config.log));
    }

    private static void notConfigured(HttpServer http, String source, String flags, java.io.PrintStream log) {
        String path = "/hooks/" + source;
        http.createContext(path, new Route(path, ex -> Responses.error(ex, 404,
                "the " + source + " hook is not enabled on this relay (start it with " + flags + ")", "not_configured"),
                log));
    }

    private static void health(HttpExchange ex, EventStore store, RelayMetrics metrics) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            Responses.methodNotAllowed(ex, "GET");
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        try {
            long last = store.lastId();
            body.put("ok", true);
            body.put("last_event_id", last);
            body.put("subscribers", metrics.subscribers());
            Responses.json(ex, 200, body);
        } catch (EventStoreException e) {
            body.put("ok", false);
            body.put("error", "database unavailable: " + e.getMessage());
            Responses.json(ex, 503, body);
        }
    }

    private static void metricsPage(HttpExchange ex, RelayMetrics metrics) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            Responses.methodNotAllowed(ex, "GET");
            return;
        }
        byte[] body = metrics.render().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return http.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Subscribers connected to the event stream now. */
    public int subscribers() {
        return feed.size();
    }

    /** Webhooks verified and stored since start (duplicates not counted). */
    public long eventsStored() {
        return metrics.receivedTotal();
    }

    /** Stops listening, ends the streams, stores what was already accepted, closes the database. */
    @Override
    public void close() {
        feed.closeAll();
        http.stop(0);
        writer.close();
        executor.shutdownNow();
        store.close();
    }
}
