package ma.hanout.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import ma.hanout.api.ApiConfig;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.engine.EngineConfig;
import ma.hanout.domain.Environment;
import ma.hanout.domain.SaleAccount;
import ma.hanout.engine.SaleEngine;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;

/**
 * The composition root shared by the command line and the desktop: opens the data folder, resolves
 * the connection, starts the embedded simulator in demo mode, and builds the engine. Closing it
 * closes everything it opened, in reverse order.
 */
public final class AppContext implements AutoCloseable {
    private final Path home;
    private final Database database;
    private final SettingsStore settings;
    private final ConnectionSettings connection;
    private final Simulator simulator;
    private final MoroccoTopupClient client;
    private final SaleEngine engine;
    private final Map<String, String> env;
    private final Clock clock;
    private RelayLink relay;

    private AppContext(Path home, Database database, SettingsStore settings, ConnectionSettings connection,
            Simulator simulator, MoroccoTopupClient client, SaleEngine engine, Map<String, String> env, Clock clock) {
        this.home = home;
        this.database = database;
        this.settings = settings;
        this.connection = connection;
        this.simulator = simulator;
        this.client = client;
        this.engine = engine;
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /**
     * Opens everything for {@code home} (null: {@code HANOUT_HOME}, else {@code ~/.hanout}).
     *
     * @param demoTimeScale time scale of the embedded simulator in demo mode (1 = realistic delays)
     */
    public static AppContext open(Path home, ConnectionSettings.Flags flags, Map<String, String> env, Clock clock,
            double demoTimeScale) {
        Path dir = home != null ? home
                : env.get("HANOUT_HOME") != null && !env.get("HANOUT_HOME").isBlank() ? Path.of(env.get("HANOUT_HOME"))
                : DataFolder.resolve(null);
        Database db = DataFolder.open(dir, clock);
        try {
            SettingsStore settings = new SettingsStore(db);
            Vault vault = new Vault(settings, Vault.keyDir(env));
            ConnectionSettings conn = ConnectionSettings.resolve(flags, env, settings, vault);
            Simulator sim = null;
            SaleAccount account;
            ApiConfig api;
            if (conn.demo()) {
                sim = startDemoSimulator(demoTimeScale, dir.resolve(DEMO_STATE_FILE));
                api = new ApiConfig(sim.baseUrl(), SimConfig.DEFAULT_CLIENT_CODE, SimConfig.DEFAULT_API_KEY, false,
                        Duration.ofSeconds(5), conn.requestTimeout());
                account = new SaleAccount(Environment.DEMO, SimConfig.DEFAULT_CLIENT_CODE);
            } else {
                if (conn.clientCode() == null || conn.apiKey() == null) {
                    throw new ma.hanout.domain.DomainException("settings.credentials_missing",
                            "A base URL is set but the client code or the API key is missing: give --client-code and"
                                    + " --api-key (or HANOUT_CLIENT_CODE and HANOUT_API_KEY)");
                }
                api = new ApiConfig(conn.baseUrl(), conn.clientCode(), conn.apiKey(), conn.sandbox(),
                        Duration.ofSeconds(5), conn.requestTimeout());
                account = new SaleAccount(conn.sandbox() ? Environment.SANDBOX : Environment.PRODUCTION, conn.clientCode());
            }
            MoroccoTopupClient client = new MoroccoTopupClient(api);
            int holdMinutes = new ShopData(db, false, env, clock).shopSettings().minutes(ShopSettings.HOLD_AGE);
            SaleEngine engine = SaleEngine.create(db, client, EngineConfig.defaults(clock)
                    .withRequestTimeout(conn.requestTimeout()).withQueueMaxAge(Duration.ofMinutes(holdMinutes)), account);
            // read at each sale: a 'config set' made while the app runs counts at once
            engine.followMaxValue(() -> maxSaleValue(settings));
            return new AppContext(dir, db, settings, conn, sim, client, engine, env, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The setting holding the most one recharge may be, in MAD ({@code 10000}, {@code 2500,50}). */
    public static final String MAX_SALE_VALUE = ShopSettings.SALE_MAX;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(AppContext.class.getName());

    /**
     * The most one recharge may be, from {@link #MAX_SALE_VALUE}; the API's own limit when unset.
     * A value that cannot be read is logged and the API's limit kept: a typo must not stop the shop.
     */
    static ma.hanout.domain.Money maxSaleValue(SettingsStore settings) {
        java.util.Optional<String> text = settings.get(MAX_SALE_VALUE);
        if (text.isEmpty() || text.get().isBlank()) {
            return SaleEngine.DEFAULT_MAX_VALUE;
        }
        try {
            ma.hanout.domain.Money m = ma.hanout.domain.Money.parse(text.get());
            if (m.isPositive()) {
                return m;
            }
        } catch (ma.hanout.domain.DomainException e) {
            // logged below
        }
        LOG.warning(() -> MAX_SALE_VALUE + " '" + text.get() + "' is not an amount above 0: kept "
                + SaleEngine.DEFAULT_MAX_VALUE.toMad().toPlainString() + " MAD");
        return SaleEngine.DEFAULT_MAX_VALUE;
    }

    /** Where demo mode's embedded simulator keeps its account and recharges, in the data folder. */
    public static final String DEMO_STATE_FILE = "demo-simulator.json";

    private static Simulator startDemoSimulator(double timeScale, Path stateFile) {
        try {
            return Simulator.start(SimConfig.builder().port(0).timeScale(timeScale).build(), stateFile);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot start the embedded simulator for demo mode: " + e.getMessage(), e);
        }
    }

    /**
     * Starts the engine's background work (outbox worker, status poller, history sync) and, when a
     * relay is configured ({@code HANOUT_RELAY_URL} and {@code HANOUT_RELAY_TOKEN}, else the saved
     * settings {@code relay.url} and {@code relay.token}), the relay subscription. For the desktop;
     * the command line drives the engine in the foreground.
     */
    public synchronized void startBackgroundWork() {
        engine.start();
        if (relay != null) {
            return;
        }
        String url = firstNonBlank(env.get("HANOUT_RELAY_URL"), settings.get(RelayLink.URL).orElse(null));
        String token = firstNonBlank(env.get("HANOUT_RELAY_TOKEN"),
                new Vault(settings, Vault.keyDir(env)).get(RelayLink.TOKEN).orElse(null));
        if (url == null || token == null) {
            return;
        }
        String secret = connection.demo() ? SimConfig.DEFAULT_SECRET : connection.secret();
        relay = RelayLink.start(java.net.URI.create(url), token, secret, engine, settings,
                new ma.hanout.store.PaymentStore(database));
    }

    /**
     * In demo mode, a new data folder gets its sample history (once): made through the engine like
     * counter sales, against the embedded simulator. Background thread only.
     */
    public void seedDemoShopIfNew() {
        if (engine.account().environment() == Environment.DEMO) {
            DemoShop.seedIfNew(engine, settings);
        }
    }

    /**
     * Starts (or continues) a run of a CSV batch on the current account: the same file run again
     * sells nothing twice; {@code again} sells it anew ({@link BatchRun}).
     */
    public BatchRun beginBatch(BatchFile file, boolean again) {
        return BatchRun.begin(file, engine, new ma.hanout.store.BatchStore(database), again, clock);
    }

    /** Payment notifications (Tiqopay, FedaPay, IPN) relayed to this terminal, newest first: "payments received". */
    public java.util.List<ma.hanout.domain.ReceivedPayment> paymentsReceived(int limit) {
        return new ma.hanout.store.PaymentStore(database).recent(limit);
    }

    /** The folder's settings, credentials and users, on this context's database (closed with it). */
    public ShopData shop() {
        return new ShopData(database, false, env, clock);
    }

    /** The API account's webhook configuration, through this context's connection. */
    public WebhookSettings webhooks() {
        return new WebhookSettings(client, new ma.hanout.store.AuditStore(database), clock);
    }

    /**
     * The owner's office (takings, shifts, exports, audit) of the current account, local days in
     * this computer's time zone; {@code currentUser} says who is signed in.
     */
    public Office office(java.util.function.Supplier<String> currentUser) {
        return new Office(database, engine, settings, clock, java.time.ZoneId.systemDefault(), currentUser);
    }

    /** Receipts of this folder's sales: render, print, reprint, with the shop settings and the print log. */
    public Receipts receipts(Duration printerTimeout) {
        return new Receipts(engine.reads(), settings, new ma.hanout.store.ReceiptPrintStore(database), clock,
                java.time.ZoneId.systemDefault(), printerTimeout);
    }

    /** Closed shifts' reports on the receipt printer or in a file, seen by {@code currentUser}. */
    public ShiftSlips shiftSlips(java.util.function.Supplier<String> currentUser, Duration printerTimeout) {
        return office(currentUser).slips(receipts(printerTimeout), printerTimeout);
    }

    /** The relay subscription, when one runs. */
    public RelayLink relay() {
        return relay;
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    public Path home() {
        return home;
    }

    public Database database() {
        return database;
    }

    public SettingsStore settings() {
        return settings;
    }

    public ConnectionSettings connection() {
        return connection;
    }

    public SaleEngine engine() {
        return engine;
    }

    public MoroccoTopupClient client() {
        return client;
    }

    /** The embedded simulator in demo mode, else null. */
    public Simulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        if (relay != null) {
            relay.close();
        }
        engine.close();
        if (simulator != null) {
            simulator.close();
        }
        database.close();
    }
}
