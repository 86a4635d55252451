package ma.hanout.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.hanout.store.QueuedSale;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.ExternalReference;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Price;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleEvent;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.StatusClass;
import ma.hanout.store.BalanceStore;
import ma.hanout.store.Database;
import ma.hanout.store.DuplicateSaleException;
import ma.hanout.store.PriceStore;
import ma.hanout.store.SaleEventStore;
import ma.hanout.store.SaleStore;

/**
 * The sale engine: what the counter, the command line and the relay subscriber talk to.
 *
 * <p>Two promises, under any fault: <b>nothing lost</b> (a sale is committed to SQLite before any
 * byte goes to the network, and every later step is recorded before it is acted on) and <b>never
 * twice</b> (one sale, one {@code external_reference}, reused on every retry; an uncertain outcome
 * is looked up by reference before anything is sent again).
 */
public final class SaleEngine implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SaleEngine.class.getName());

    private final EngineConfig config;
    private final Clock clock;
    private final SaleStore sales;
    private final SaleEventStore events;
    private final PriceStore prices;
    private final RechargeGateway gateway;
    private final SaleRecorder recorder;
    private final OutboxWorker worker;
    private final StatusPoller poller;
    private final StatusTracker tracker;
    private final HistorySync history;
    private final BalanceTracker balance;
    private final StatusBoard board;
    private final ExternalReference references;
    /** This engine's name on the leases it takes. */
    private final String owner = LeaseOwner.newInstance();
    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(daemon("hanout-notify"));
    private final AtomicBoolean statusPending = new AtomicBoolean();
    private final Object wake = new Object();
    private boolean wakePending;
    private volatile boolean running;
    private Thread workerThread;
    private Thread pollerThread;
    private ScheduledExecutorService scheduler;

    private SaleEngine(Database db,
            java.util.function.Function<RechargeGateway.ConnectivityListener, RechargeGateway> gatewayFactory,
            EngineConfig config, EngineStatus.Mode mode) {
        this.config = config;
        this.clock = config.clock();
        this.sales = new SaleStore(db);
        this.events = new SaleEventStore(db);
        this.prices = new PriceStore(db);
        BalanceStore balances = new BalanceStore(db);
        this.references = new ExternalReference(clock);
        this.board = new StatusBoard(sales, mode, balances.latest().orElse(null), this::statusChanged);
        this.gateway = gatewayFactory.apply(board);
        this.recorder = new SaleRecorder(db, sales, events, clock, this::saleChanged);
        this.balance = new BalanceTracker(balances, clock, board::balance);
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax(), new Random());
        this.worker = new OutboxWorker(sales, recorder, gateway, new SaleOutcomes(backoff, config), balance, config,
                backoff, owner);
        this.tracker = new StatusTracker(sales, recorder, clock);
        this.poller = new StatusPoller(sales, gateway, tracker, config, () -> Boolean.TRUE.equals(board.relayConnected()));
        this.history = new HistorySync(gateway, tracker, 50);
    }

    /** An engine on {@code db} talking to the API through {@code client}. Call {@link #start()} for background work. */
    public static SaleEngine create(Database db, MoroccoTopupClient client, EngineConfig config, EngineStatus.Mode mode) {
        return new SaleEngine(db, listener -> new ClientGateway(client, listener, config.clock()), config, mode);
    }

    // ---- lifecycle ------------------------------------------------------------------------------

    /** Starts the outbox worker, the status poller and the periodic sync on background threads. */
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        workerThread = daemon("hanout-outbox").newThread(this::workerLoop);
        pollerThread = daemon("hanout-poller").newThread(this::pollerLoop);
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hanout-sync"));
        workerThread.start();
        pollerThread.start();
        scheduler.scheduleWithFixedDelay(this::safeSync, 0, config.historySyncEvery().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::probeWhenOffline, 10, 10, TimeUnit.SECONDS);
    }

    @Override
    public synchronized void close() {
        running = false;
        wakeWorker();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (Thread t : new Thread[] {workerThread, pollerThread}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(config.requestTimeout().toMillis() + 2000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        notifier.shutdown();
        try {
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void workerLoop() {
        while (running) {
            int acted;
            try {
                acted = worker.runOnce(false);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox pass failed; trying again shortly", e);
                acted = 0;
                pause(1000);
            }
            if (acted == 0) {
                waitForWork(200);
            }
        }
    }

    private void pollerLoop() {
        while (running) {
            try {
                poller.runOnce();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "status poll failed; trying again shortly", e);
            }
            pause(500);
        }
    }

    private void waitForWork(long millis) {
        synchronized (wake) {
            if (!wakePending) {
                try {
                    wake.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            wakePending = false;
        }
    }

    private void wakeWorker() {
        synchronized (wake) {
            wakePending = true;
            wake.notifyAll();
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- selling --------------------------------------------------------------------------------

    /**
     * Commits the sale to disk as QUEUED (durably, before anything goes to the network) and wakes the
     * worker. Returns the committed sale. A reference already used is refused with a
     * {@link DomainException} ({@code reference.duplicate}).
     */
    public Sale sell(SaleRequest request) {
        String ref = request.externalReference() == null ? references.next()
                : ExternalReference.validate(request.externalReference());
        Instant now = clock.instant();
        Sale sale = Sale.newQueued(ref, request.phone(), request.operator(), request.value(), request.promo(),
                request.origin(), now);
        String source = sourceOf(request.origin());
        try {
            recorder.create(sale, source, null, request.cashier());
        } catch (DuplicateSaleException e) {
            throw new DomainException("reference.duplicate", "External reference '" + ref + "' is already used by another sale");
        }
        wakeWorker();
        return sale;
    }

    /** Estimated cost of a sale and whether the known balance (plus credit limit) covers it, online or offline. */
    public Coverage coverage(Operator operator, Money value) {
        java.util.Map<Operator, Price> margins = new java.util.EnumMap<>(Operator.class);
        prices.all().forEach(p -> margins.put(p.operator(), p));
        Money estimate = estimate(margins, operator, value);
        Optional<BalanceSnapshot> b = balance.latest();
        if (b.isEmpty()) {
            return new Coverage(estimate, null, 0);
        }
        Money available = b.get().balance();
        if (b.get().creditLimit() != null) {
            available = available.plus(b.get().creditLimit());
        }
        for (QueuedSale q : sales.unsettled()) {
            Sale s = q.sale();
            available = available.minus(s.billingAmount() != null ? s.billingAmount()
                    : estimate(margins, s.operator(), s.value()));
        }
        return new Coverage(estimate, available, b.get().at().toEpochMilli());
    }

    /** The cached margin's billing, or the face value when no price is known yet (the cautious guess). */
    private static Money estimate(java.util.Map<Operator, Price> margins, Operator operator, Money value) {
        Price p = margins.get(operator);
        return p == null ? value : p.billingFor(value);
    }

    /** The operator of this number's last sale: numbers are portable, so this beats the prefix hint. */
    public Optional<Operator> lastOperatorFor(Phone phone) {
        return sales.lastOperatorFor(phone);
    }

    // ---- the queue --------------------------------------------------------------------------------

    /** Cancels a sale that was never sent. Anything else is refused with a reason. */
    public Sale cancel(String reference) {
        String ref = require(reference).externalReference();
        // Offline, the worker keeps trying queued sales; a cancel that lands on such a try waits for it
        // to come back (connection refused is instant; a dead network is the connect timeout) rather
        // than refusing a sale that never left.
        long deadline = System.nanoTime() + Duration.ofSeconds(6).toNanos();
        while (true) {
            Optional<Sale> done = recorder.transaction(tx -> {
                Sale cur = tx.find(ref).orElseThrow();
                boolean sent = sales.wasSent(tx.connection(), ref);
                if (cur.state() == SaleState.SENDING && !sent && System.nanoTime() < deadline) {
                    return Optional.<Sale>empty(); // a first try in flight: wait for its outcome
                }
                if (cur.state() != SaleState.QUEUED || sent) {
                    throw new DomainException("sale.cancel_refused", "Sale " + ref + " is " + cur.state()
                            + " and may have reached the server: only a sale never sent can be cancelled");
                }
                if (sales.isLeasedByOther(tx.connection(), ref, owner, clock.instant())) {
                    throw new DomainException("sale.busy", "Sale " + ref + " is being sent right now");
                }
                return tx.change(ref, TimelineSource.PERSON,
                        c -> SaleRecorder.Change.of(c.withState(SaleState.CANCELLED, clock.instant()), "cancelled"));
            });
            if (done.isPresent()) {
                return done.get();
            }
            pause(50);
        }
    }

    /** A person's decision to send a held sale now (or to retry a queued or uncertain one at once). */
    public Sale sendNow(String reference) {
        Sale s = require(reference);
        if (!s.state().isUnsettled()) {
            throw new DomainException("sale.not_queued", "Sale " + s.externalReference() + " is " + s.state() + ": nothing to send");
        }
        Sale out = recorder.transaction(tx -> {
            sales.approve(tx.connection(), s.externalReference(), clock.instant());
            tx.note(s.externalReference(), TimelineSource.PERSON, "send now");
            return tx.change(s.externalReference(), TimelineSource.PERSON,
                    c -> SaleRecorder.Change.of(c.withAttempt(c.attempts(), null, clock.instant()), null)).orElseThrow();
        });
        wakeWorker();
        return out;
    }

    private Sale require(String reference) {
        return find(reference).orElseThrow(
                () -> new DomainException("sale.not_found", "No sale with reference '" + reference + "'"));
    }

    // ---- reading --------------------------------------------------------------------------------

    /** A sale by its external reference or its ref_interne. */
    public Optional<Sale> find(String reference) {
        return sales.findByEitherReference(reference);
    }

    /** A sale's timeline, oldest first, starting with its creation. */
    public List<SaleEvent> timeline(String externalReference) {
        List<SaleEvent> stored = events.timeline(externalReference);
        Optional<Sale> sale = sales.find(externalReference);
        if (sale.isEmpty() || sale.get().origin() == Sale.Origin.REMOTE) {
            return stored;
        }
        Sale s = sale.get();
        String cashier = sales.cashierOf(externalReference).orElse(null);
        List<SaleEvent> out = new java.util.ArrayList<>(stored.size() + 1);
        out.add(new SaleEvent(externalReference, s.createdAt(), SaleState.QUEUED, null, sourceOf(s.origin()),
                cashier == null ? "sold" : "sold by " + cashier));
        out.addAll(stored);
        return out;
    }

    private static String sourceOf(Sale.Origin origin) {
        return switch (origin) {
            case BATCH -> TimelineSource.BATCH;
            case CLI -> TimelineSource.CLI;
            case REMOTE -> TimelineSource.HISTORY;
            case COUNTER -> TimelineSource.COUNTER;
        };
    }

    /** Queued (offline or held), sending and uncertain sales, oldest first. */
    public List<QueuedSale> queue() {
        return sales.unsettled();
    }

    public List<Sale> recent(int limit) {
        return sales.recent(limit);
    }

    public SaleStore store() {
        return sales;
    }

    public EngineStatus status() {
        return board.snapshot();
    }

    /** Listens to every change until the returned handle is run. */
    public Runnable subscribe(EngineListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- waiting (command line) ------------------------------------------------------------------

    /** Whether a sale has reached something a person can act on: done, failed, refunded, rejected, cancelled. */
    public static boolean isFinal(Sale s) {
        return switch (s.state()) {
            case REJECTED, CANCELLED -> true;
            case ACCEPTED -> s.status() != null && s.statusClass() != StatusClass.PENDING
                    && s.statusClass() != StatusClass.UNKNOWN;
            default -> false;
        };
    }

    /** Waits until the sale is final ({@link #isFinal}) or the timeout; returns its last known row. */
    public Sale awaitFinal(String externalReference, Duration timeout) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runnable unsubscribe = subscribe(new EngineListener() {
            @Override
            public void saleChanged(Sale sale) {
                if (sale.externalReference().equals(externalReference) && isFinal(sale)) {
                    done.countDown();
                }
            }
        });
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            Sale now = require(externalReference);
            // events cover this process; re-reading the row covers another process sending it
            while (!isFinal(now) && System.nanoTime() < deadline) {
                done.await(Math.min(1000, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
                now = require(externalReference);
            }
            return now;
        } finally {
            unsubscribe.run();
        }
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
        long deadline = System.nanoTime() + timeout.toNanos();
        int passes = 0;
        while (true) {
            int acted = worker.runOnce(includeHeld);
            passes++;
            List<QueuedSale> left = sales.unsettled();
            if (left.isEmpty()) {
                return new DrainResult(true, passes, left);
            }
            boolean onlyHeld = left.stream().allMatch(QueuedSale::held);
            if (!untilSettled && acted == 0 || onlyHeld && !includeHeld || System.nanoTime() > deadline) {
                return new DrainResult(false, passes, left);
            }
            if (acted == 0) {
                Thread.sleep(50);
            }
        }
    }

    /** What {@link #sync()} refreshed. */
    public record SyncResult(boolean reached, Optional<BalanceSnapshot> balance, int prices, int historyAdded,
            int historyUpdated) {
    }

    /** Refreshes balance, prices and history from the API into the local cache. */
    public SyncResult sync() {
        Optional<BalanceSnapshot> b = gateway.balance();
        b.ifPresent(balance::learned);
        Optional<List<Price>> p = gateway.prices();
        p.ifPresent(list -> prices.replaceAll(list, clock.instant()));
        HistorySync.Result h = history.run(20);
        return new SyncResult(b.isPresent() || p.isPresent() || h.reached(), b, p.map(List::size).orElse(0),
                h.added(), h.updated());
    }

    /** Asks {@code /balance}; empty when the API did not answer. */
    public Optional<BalanceSnapshot> refreshBalance() {
        Optional<BalanceSnapshot> b = gateway.balance();
        b.ifPresent(balance::learned);
        return b;
    }

    public Optional<BalanceSnapshot> lastBalance() {
        return balance.latest();
    }

    private void safeSync() {
        try {
            sync();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sync failed; trying again later", e);
        }
    }

    private void probeWhenOffline() {
        try {
            if (board.connectivity() != Connectivity.ONLINE) {
                gateway.balance().ifPresent(balance::learned);
                wakeWorker();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "probe failed", e);
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
        if (s.isEmpty() || s.get().state() != SaleState.ACCEPTED) {
            return;
        }
        Sale sale = s.get();
        LookupResult r = sale.refInterne() != null ? gateway.byId(sale.refInterne()) : gateway.byReference(sale.externalReference());
        poller.checked(sale.externalReference(), clock.instant());
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

    // ---- notification ---------------------------------------------------------------------------

    private void saleChanged(Sale sale) {
        if (listeners.isEmpty()) {
            statusChanged();
            return;
        }
        notifier.execute(() -> {
            for (EngineListener l : listeners) {
                try {
                    l.saleChanged(sale);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "listener failed", e);
                }
            }
        });
        statusChanged();
    }

    /** Coalesced: many sale changes in one burst make one status snapshot. */
    private void statusChanged() {
        if (listeners.isEmpty() || !statusPending.compareAndSet(false, true)) {
            return;
        }
        try {
            notifier.execute(() -> {
                statusPending.set(false);
                EngineStatus s = board.snapshot();
                for (EngineListener l : listeners) {
                    try {
                        l.statusChanged(s);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "listener failed", e);
                    }
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            statusPending.set(false);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    EngineConfig config() {
        return config;
    }

}
