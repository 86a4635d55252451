package ma.hanout.sim;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A local MoroccoTopup API, faithful to the reference: every endpoint under
 * {@code /rest/V1/recharge-api} and under {@code /rest/V1/recharge-api/sandbox}, auth, IP
 * whitelist, balance and limits, scenarios chosen by phone number, signed webhooks with retries,
 * injected faults, and the {@code /_sim} test endpoints at the root. Everything is in memory.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.start(SimConfig.builder().timeScale(0.01).build())) {
 *     URI me = URI.create(sim.baseUrl() + "/me");
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {
    /** The API's path, as in {@code https://api.moroccotopup.com/rest/V1/recharge-api}. */
    public static final String API_PATH = "/rest/V1/recharge-api";
    public static final String SANDBOX_PATH = API_PATH + "/sandbox";

    static {
        // The JDK server writes the headers and the body of an answer in two packets; without
        // TCP_NODELAY the second waits for the client's delayed ACK (up to 40 ms on Linux).
        // Read once, when the JDK server is first used in this JVM; a value set by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimConfig config;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService webhookThreads;
    private final HeldConnections held;
    private final FaultDice dice;
    private final SimState state;

    private Simulator(SimConfig config, HttpServer server, ExecutorService httpThreads,
            ScheduledThreadPoolExecutor timer, ExecutorService webhookThreads, HeldConnections held, FaultDice dice,
            SimState state) {
        this.config = config;
        this.server = server;
        this.httpThreads = httpThreads;
        this.timer = timer;
        this.webhookThreads = webhookThreads;
        this.held = held;
        this.dice = dice;
        this.state = state;
    }

    /**
     * Starts a simulator on 127.0.0.1 ({@code config.port()}, 0 for a free port) and returns once it
     * accepts connections.
     *
     * @throws IOException when the port cannot be bound (in use, not permitted)
     */
    public static Simulator start(SimConfig config) throws IOException {
        return start(config, null);
    }

    /**
     * As {@link #start(SimConfig)}, keeping the account and the recharges in {@code stateFile}
     * (JSON) across restarts: the desktop's demo mode. Null keeps everything in memory only.
     *
     * @throws IOException when the port cannot be bound or the state file cannot be read
     */
    public static Simulator start(SimConfig config, Path stateFile) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()),
                1024);
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor httpThreads = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("hanout-sim-http"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("hanout-sim-timer"));
        timer.setRemoveOnCancelPolicy(true);
        ThreadPoolExecutor webhookThreads = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("hanout-sim-webhook"));

        long seed = config.seed() != null ? config.seed() : new SecureRandom().nextLong();
        FaultDice dice = new FaultDice(config.faults(), seed);
        SimDates dates = new SimDates(config.clock());
        Account account = new Account(config);
        HeldConnections held = new HeldConnections();
        WebhookDispatcher webhooks = new WebhookDispatcher(config.secret(), dates, config.timeScale(), dice,
                config.webhookTimeout(), timer, webhookThreads);
        RechargeEvents events = new RechargeEvents(config.clientCode(), account, webhooks, dates);
        StatusProgression progression = new StatusProgression(timer, config.timeScale(), account, events, dates);
        PriceList prices = new PriceList(config.margins());
        RechargeBook production = new RechargeBook();
        RechargeBook sandbox = new RechargeBook();
        RechargeDesk desk = new RechargeDesk(account, prices, production, sandbox, progression, events, dates);
        Responder responder = new Responder(httpThreads, timer, held, () -> dice.spec().latency());
        ApiGate gate = new ApiGate(config.clientCode(), config.apiKey(), account);

        for (Environment env : Environment.values()) {
            String p = env == Environment.PRODUCTION ? API_PATH : SANDBOX_PATH;
            RechargeBook book = desk.book(env);
            mount(server, Endpoint.api(p + "/me", env, gate, responder,
                    new MeRoute(config.clientCode(), account, dates), "GET"));
            mount(server, Endpoint.api(p + "/balance", env, gate, responder, new BalanceRoute(account), "GET"));
            mount(server, Endpoint.api(p + "/prices", env, gate, responder,
                    new PricesRoute(config.clientCode(), prices), "GET"));
            mount(server, Endpoint.api(p + "/recharge", env, gate, responder, new RechargeRoute(desk, dice), "POST"));
            mount(server, Endpoint.api(p + "/recharge/bulk", env, gate, responder,
                    new BulkRechargeRoute(desk, dice), "POST"));
            mount(server, Endpoint.apiWithParameter(p + "/recharge/by-ref", env, gate, responder,
                    new ByReferenceRoute(book, dates), "GET"));
            mount(server, Endpoint.apiWithParameter(p + "/recharge/by-id", env, gate, responder,
                    new ByIdRoute(book, dates), "GET"));
            mount(server, Endpoint.api(p + "/history", env, gate, responder, new HistoryRoute(book, dates), "GET"));
            mount(server, Endpoint.api(p + "/webhook", env, gate, responder, new WebhookConfigRoute(account),
                    "GET", "POST"));
            mount(server, Endpoint.open(p + "/health", env, responder, new HealthRoute(dates), "GET"));
        }
        Runnable reset = () -> {
            production.clear();
            sandbox.clear();
            webhooks.clear();
            account.reset(config);
            dice.replace(config.faults(), seed);
        };
        mount(server, Endpoint.open("/_sim/recharges", null, responder,
                new SimRechargesRoute(production, sandbox, dates), "GET"));
        mount(server, Endpoint.open("/_sim/webhooks", null, responder, new SimWebhooksRoute(webhooks), "GET"));
        mount(server, Endpoint.open("/_sim/faults", null, responder, new SimFaultsRoute(dice), "GET", "POST"));
        mount(server, Endpoint.open("/_sim/account", null, responder, new SimAccountRoute(account), "GET", "POST"));
        mount(server, Endpoint.open("/_sim/reset", null, responder, new SimResetRoute(reset), "POST"));
        server.createContext("/", Endpoint.fallback(responder));

        SimState state = null;
        if (stateFile != null) {
            state = new SimState(stateFile, account, production, sandbox);
            try {
                state.restore(progression);
            } catch (IOException | RuntimeException e) {
                // nothing started yet but the bound socket and the threads: give them back
                server.stop(0);
                timer.shutdownNow();
                webhookThreads.shutdownNow();
                httpThreads.shutdownNow();
                throw e instanceof IOException io ? io : new IOException("cannot restore the simulator's state from "
                        + stateFile + ": " + e.getMessage(), e);
            }
            SimState saver = state;
            timer.scheduleWithFixedDelay(() -> saveQuietly(saver), 1, 1, TimeUnit.SECONDS);
        }

        timer.scheduleWithFixedDelay(held::sweep, 10, 10, TimeUnit.SECONDS);
        server.setExecutor(httpThreads);
        server.start();
        return new Simulator(config, server, httpThreads, timer, webhookThreads, held, dice, state);
    }

    private static void saveQuietly(SimState state) {
        try {
            state.saveIfChanged();
        } catch (IOException | RuntimeException e) {
            // a demo that cannot save keeps running; the next tick tries again
            java.util.logging.Logger.getLogger(Simulator.class.getName()).log(java.util.logging.Level.WARNING,
                    "cannot save the simulator's state: " + e.getMessage());
        }
    }

    private static void mount(HttpServer server, Endpoint endpoint) {
        server.createContext(endpoint.path(), endpoint);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The port it listens on (the chosen one when the config said 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:P}: where the {@code /_sim} endpoints live. */
    public String rootUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** {@code http://127.0.0.1:P/rest/V1/recharge-api}: the production base URL. */
    public String baseUrl() {
        return rootUrl() + API_PATH;
    }

    /** {@code http://127.0.0.1:P/rest/V1/recharge-api/sandbox}: the sandbox base URL. */
    public String sandboxUrl() {
        return rootUrl() + SANDBOX_PATH;
    }

    public SimConfig config() {
        return config;
    }

    /** Replaces the injected faults, as {@code POST /_sim/faults} does; the draws restart from the seed. */
    public void setFaults(FaultSpec faults) {
        dice.replace(faults);
    }

    /** Stops listening, closes held connections and drops pending status changes and webhooks. */
    @Override
    public void close() {
        server.stop(0);
        if (state != null) {
            // stop the scenarios first so the last save is the last word
            timer.shutdownNow();
            saveQuietly(state);
        }
        held.closeAll();
        timer.shutdownNow();
        webhookThreads.shutdownNow();
        httpThreads.shutdownNow();
    }
}
