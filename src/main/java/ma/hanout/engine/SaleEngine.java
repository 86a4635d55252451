package ma.hanout.engine;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.QueuedSale;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;
import ma.hanout.store.BalanceStore;
import ma.hanout.store.Database;
import ma.hanout.store.OutboxLedger;
import ma.hanout.store.PriceStore;
import ma.hanout.store.SaleEventStore;
import ma.hanout.store.SaleSearch;
import ma.hanout.store.SaleStore;

/**
 * The sale engine: what the counter, the command line and the relay subscriber talk to, for one
 * account ({@link SaleAccount}: an environment and a client code). It sends, polls and reconciles
 * only that account's sales; sales made on another account stay as they are until an engine of
 * theirs opens the folder.
 *
 * <p>Two promises, under any fault: <b>nothing lost</b> (a sale is committed to SQLite before any
 * byte goes to the network, and every later step is recorded before it is acted on) and <b>never
 * twice</b> (one sale, one {@code external_reference}, reused on every retry; an uncertain outcome
 * is looked up by reference before anything is sent again).
 *
 * <p>This class wires the parts and hands out their verbs: {@link SaleIntake} (selling, coverage),
 * {@link QueueActions} (cancel, send now), {@link SaleReads} (everything read), {@link SaleWaits}
 * (the command line's waits), {@link ServerSync}, {@link EngineThreads} and {@link EngineEvents}.
 */
public final class SaleEngine implements AutoCloseable {
    /** How many history pages the periodic background sync reads at most. */
    static final int BACKGROUND_SYNC_PAGES = 20;

    private final EngineConfig config;
    private final SaleAccount account;
    private final RechargeGateway gateway;
    private final SaleRecorder recorder;
    private final OutboxWorker worker;
    private final StatusPoller poller;
    private final StatusTracker tracker;
    private final BalanceTracker balance;
    private final StatusBoard board;
    private final EngineEvents events;
    private final EngineThreads threads;
    private final SaleIntake intake;
    private final QueueActions queueActions;
    private final SaleReads reads;
    private final SaleWaits waits;
    private final OutboxLedger outbox;
    private final ServerSync serverSync;
    private volatile java.util.function.Supplier<Money> maxValue = () -> DEFAULT_MAX_VALUE;

    private SaleEngine(Database db, Function<RechargeGateway.ConnectivityListener, RechargeGateway> gatewayFactory,
            EngineConfig config, SaleAccount account) {
        this.config = config;
        this.account = account;
        Clock clock = config.clock();
        SaleStore sales = new SaleStore(db);
        OutboxLedger outbox = new OutboxLedger(db);
        this.outbox = outbox;
        PriceStore prices = new PriceStore(db);
        BalanceStore balances = new BalanceStore(db);
        String owner = LeaseOwner.newInstance(); // this engine's name on the leases it takes
        this.reads = new SaleReads(sales, outbox, new SaleSearch(db), new SaleEventStore(db), account);
        this.board = new StatusBoard(reads::queue, account.environment(), balances.latest().orElse(null),
                this::statusChanged);
        this.events = new EngineEvents(board::snapshot);
        this.gateway = gatewayFactory.apply(board);
        this.recorder = new SaleRecorder(db, sales, outbox, new SaleEventStore(db), clock, events::saleChanged);
        this.balance = new BalanceTracker(balances, clock, board::balance);
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax(), new Random());
        this.worker = new OutboxWorker(outbox, account, recorder, gateway, new SaleOutcomes(backoff, config), balance,
                config, backoff, owner);
        this.tracker = new StatusTracker(sales, account, recorder, clock);
        this.poller = new StatusPoller(outbox, account, gateway, tracker, config,
                () -> Boolean.TRUE.equals(board.relayConnected()));
        this.serverSync = new ServerSync(gateway, balance, prices, new HistorySync(gateway, tracker, 50), clock);
        this.intake = new SaleIntake(recorder, outbox, prices, balance, account, clock);
        this.queueActions = new QueueActions(recorder, outbox, this::require, events::subscribe, owner, account, clock);
        this.waits = new SaleWaits(this::require, events::subscribe, worker, reads::queue);
        this.threads = new EngineThreads(() -> worker.runOnce(false), poller::runOnce,
                () -> serverSync.sync(BACKGROUND_SYNC_PAGES), config.historySyncEvery(), this::probeWhenOffline,
                config.requestTimeout().plusSeconds(2));
    }

    /**
     * An engine on {@code db} for {@code account}, talking to the API through {@code client}. Call
     * {@link #start()} for background work.
     */
    public static SaleEngine create(Database db, MoroccoTopupClient client, EngineConfig config, SaleAccount account) {
        return new SaleEngine(db, listener -> new ClientGateway(client, listener, config.clock()), config, account);
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Starts the outbox worker, the status poller and the periodic sync on background threads. */
    public void start() {
        threads.start();
    }

    @Override
    public void close() {
        threads.close();
        events.close();
    }

    /** The account this engine sells on. */
    public SaleAccount account() {
        return account;
    }

    // ---- selling --------------------------------------------------------------------------------

    /**
     * Commits the sale to disk as QUEUED (durably, before anything goes to the network) and wakes the
     * worker. Returns the committed sale. A reference already used is refused with a
     * {@link DomainException} ({@code reference.duplicate}).
     */
    public Sale sell(SaleRequest request) {
        refuseAboveLimit(request, maxValue());
        Sale sale = intake.sell(request);
        threads.wakeWorker();
        return sale;
    }

    /** What recording one request of {@link #sellAll} did. */
    public record Recorded(SaleRequest request, Sale sale, Kind kind) {
        public enum Kind {
            /** Committed now, as QUEUED. */
            RECORDED,
            /** Its reference was on disk already, for this same sale: nothing recorded, nothing will be sent twice. */
            EARLIER,
            /** Its reference is another sale's: nothing recorded. */
            CONFLICT
        }
    }

    /**
     * Commits many sales at once (one transaction: a batch's chunk) and wakes the worker. A request
     * whose reference is already on disk is reported, never recorded twice. A request above
     * {@link #maxValue()} refuses the whole call before anything is recorded (callers leave such
     * lines out first, as {@code BatchFile.scan} does).
     */
    public List<Recorded> sellAll(List<SaleRequest> requests) {
        Money max = maxValue();
        for (SaleRequest r : requests) {
            refuseAboveLimit(r, max);
        }
        List<Recorded> out = intake.sellAll(requests);
        threads.wakeWorker();
        return out;
    }

    private static void refuseAboveLimit(SaleRequest request, Money max) {
        if (request.value().compareTo(max) > 0) {
            throw new DomainException("sale.above_limit", "A single recharge is at most " + max.display()
                    + " (setting sale.max_value); " + request.value().display() + " was asked");
        }
    }

    /** Estimated cost of a sale and whether the known balance (plus credit limit) covers it, online or offline. */
    public Coverage coverage(Operator operator, Money value) {
        return intake.coverage(operator, value);
    }

    /** What one recharge may be at most when nothing else is set: the API's own limit (10,000 MAD). */
    public static final Money DEFAULT_MAX_VALUE = Money.ofMad(10_000);

    /**
     * The most one recharge may be: above it the API refuses the sale, so the counter says so
     * before the read-back. The app layer sets it from the {@code sale.max_value} setting.
     */
    public Money maxValue() {
        Money m = maxValue.get();
        return m == null || !m.isPositive() ? DEFAULT_MAX_VALUE : m;
    }

    /** Sets {@link #maxValue()}; a value that is not positive is refused. */
    public void setMaxValue(Money max) {
        if (max == null || !max.isPositive()) {
            throw new IllegalArgumentException("the most one recharge may be must be more than 0: " + max);
        }
        this.maxValue = () -> max;
    }

    /**
     * As {@link #setMaxValue}, asked afresh at each sale (the shop's {@code sale.max_value}, which
     * may change while the app runs); {@link #sell} refuses a sale above it.
     */
    public void followMaxValue(java.util.function.Supplier<Money> max) {
        this.maxValue = java.util.Objects.requireNonNull(max, "max");
    }

    // ---- the queue --------------------------------------------------------------------------------

    /** Cancels a sale that was never sent. Anything else is refused with a reason. */
    public Sale cancel(String reference) {
        return queueActions.cancel(reference);
    }

    /** A person's decision to send a held sale now (or to retry a queued or uncertain one at once). */
    public Sale sendNow(String reference) {
        Sale s = queueActions.sendNow(reference);
        threads.wakeWorker();
        return s;
    }

    // ---- reading --------------------------------------------------------------------------------

    /** Everything the screens and the command line read: a sale, the history, the queue, a timeline. */
    public SaleReads reads() {
        return reads;
    }

    /** A sale by its external reference or its ref_interne. */
    public Optional<Sale> find(String reference) {
        return reads.find(reference);
    }

    private Sale require(String reference) {
        return find(reference).orElseThrow(
                () -> new DomainException("sale.not_found", "No sale with reference '" + reference + "'"));
    }

    public EngineStatus status() {
        return board.snapshot();
    }

    /** Listens to every change until the returned handle is run. */
    public Runnable subscribe(EngineListener listener) {
        return events.subscribe(listener);
    }

    private void statusChanged() {
        // the board is built before the events that carry its news: a change that early has no listener yet
        if (events != null) {
            events.statusChanged();
        }
    }

    // ---- waiting (command line) ------------------------------------------------------------------

    /** Whether a sale has reached something a person can act on: done, failed, refunded, rejected, cancelled. */
    public static boolean isFinal(Sale s) {
        return SaleWaits.isFinal(s);
    }

    /** Waits until the sale is final ({@link #isFinal}) or the timeout; returns its last known row. */
    public Sale awaitFinal(String externalReference, Duration timeout) throws InterruptedException {
        return waits.awaitFinal(externalReference, timeout);
    }

    /** What a foreground drain achieved. */
    public record DrainResult(boolean settled, int passes, List<QueuedSale> remaining) {
    }

    /**
     * Sends the queue and reconciles in the caller's thread (the command line's {@code drain}). With
     * {@code untilSettled}, keeps going until nothing is queued, sending or uncertain, or the timeout.
     * Held sales are sent only with {@code includeHeld}: that is a person's decision.
     */
    public DrainResult drain(boolean untilSettled, Duration timeout, boolean includeHeld) throws InterruptedException {
        return waits.drain(untilSettled, timeout, includeHeld);
    }

    // ---- the server's side ----------------------------------------------------------------------

    /** What {@link #sync()} refreshed. */
    public record SyncResult(boolean reached, Optional<BalanceSnapshot> balance, int prices, int historyAdded,
            int historyUpdated) {
    }

    /** Refreshes balance, prices and recent history from the API into the local cache. */
    public SyncResult sync() {
        return serverSync.sync(BACKGROUND_SYNC_PAGES);
    }

    /**
     * The command line's {@code sync}: balance, prices, and the history walked until every sale of
     * this account whose status may still change was seen (however far back), so the local
     * statuses equal the server's.
     */
    public SyncResult syncAll() {
        java.util.Set<String> open = new java.util.HashSet<>();
        for (Sale s : outbox.watchList(account, StatusPoller.SETTLED, java.time.Instant.EPOCH, Integer.MAX_VALUE)) {
            if (s.refInterne() != null) {
                open.add(s.refInterne());
            }
        }
        return serverSync.syncAll(open);
    }

    /** Asks {@code /balance}; empty when the API did not answer. */
    public Optional<BalanceSnapshot> refreshBalance() {
        return serverSync.refreshBalance();
    }

    public Optional<BalanceSnapshot> lastBalance() {
        return balance.latest();
    }

    private void probeWhenOffline() {
        if (board.connectivity() != Connectivity.ONLINE) {
            serverSync.refreshBalance();
            threads.wakeWorker();
        }
    }

    // ---- relay events ---------------------------------------------------------------------------

    /** A status report from outside polling (a relay event): applied with the same monotonic rules. */
    public void applyServerReport(ServerRecharge report, String source) {
        tracker.apply(report, source, false);
    }

    /**
     * Asks the server now for one sale's status (an unverified relay event is only a hint: the API
     * has the last word). Runs on the caller's thread.
     */
    public void refreshStatus(String reference) {
        Optional<Sale> s = find(reference);
        if (s.isEmpty() || s.get().state() != SaleState.ACCEPTED || !account.owns(s.get().account())) {
            return;
        }
        Sale sale = s.get();
        LookupResult r = sale.refInterne() != null ? gateway.byId(sale.refInterne()) : gateway.byReference(sale.externalReference());
        poller.checked(sale.externalReference(), config.clock().instant());
        if (r instanceof LookupResult.Found f) {
            ServerRecharge rec = f.recharge();
            tracker.apply(new ServerRecharge(rec.refInterne(), sale.externalReference(), rec.phone(), rec.operator(),
                    rec.value(), rec.type(), rec.billingAmount(), rec.status(), rec.createdAt(), rec.executedAt()),
                    TimelineSource.POLL, false);
        }
    }

    /** The relay subscriber's connection state: polling slows down while it delivers. */
    public void relayConnected(Boolean connected) {
        board.relay(connected);
    }

    EngineConfig config() {
        return config;
    }
}
