package ma.hanout.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;
import ma.hanout.store.OutboxLedger;

/** A person's decisions on the queue: cancel a sale never sent, or send one now. */
final class QueueActions {
    /** How long a cancel waits for a first try in flight to come back (connect timeouts included). */
    static final Duration CANCEL_WAIT = Duration.ofSeconds(6);

    private final SaleRecorder recorder;
    private final OutboxLedger outbox;
    private final Function<String, Sale> require;
    private final Function<EngineListener, Runnable> subscribe;
    private final String owner;
    private final SaleAccount account;
    private final Clock clock;

    QueueActions(SaleRecorder recorder, OutboxLedger outbox, Function<String, Sale> require,
            Function<EngineListener, Runnable> subscribe, String owner, SaleAccount account, Clock clock) {
        this.recorder = recorder;
        this.outbox = outbox;
        this.require = require;
        this.subscribe = subscribe;
        this.owner = owner;
        this.account = account;
        this.clock = clock;
    }

    /** Cancels a sale that was never sent. Anything else is refused with a reason. */
    Sale cancel(String reference) {
        String ref = require.apply(reference).externalReference();
        // Offline, the worker keeps trying queued sales; a cancel that lands on such a try waits for it
        // to come back (connection refused is instant; a dead network is the connect timeout) rather
        // than refusing a sale that never left. It waits for the sale's own change, not a timer.
        Instant deadline = clock.instant().plus(CANCEL_WAIT);
        while (true) {
            CountDownLatch changed = new CountDownLatch(1);
            Runnable unsubscribe = subscribe.apply(new EngineListener() {
                @Override
                public void saleChanged(Sale sale) {
                    if (sale.externalReference().equals(ref)) {
                        changed.countDown();
                    }
                }
            });
            try {
                boolean mayWait = clock.instant().isBefore(deadline);
                Optional<Sale> done = recorder.transaction(tx -> {
                    Sale cur = tx.find(ref).orElseThrow();
                    boolean sent = outbox.wasSent(tx.connection(), ref);
                    if (cur.state() == SaleState.SENDING && !sent && mayWait) {
                        return Optional.<Sale>empty(); // a first try in flight: wait for its outcome
                    }
                    if (cur.state() != SaleState.QUEUED || sent) {
                        throw new DomainException("sale.cancel_refused", "Sale " + ref + " is " + cur.state()
                                + " and may have reached the server: only a sale never sent can be cancelled");
                    }
                    if (outbox.isLeasedByOther(tx.connection(), ref, owner, clock.instant())) {
                        throw new DomainException("sale.busy", "Sale " + ref + " is being sent right now");
                    }
                    return tx.change(ref, TimelineSource.PERSON,
                            c -> SaleRecorder.Change.of(c.withState(SaleState.CANCELLED, clock.instant()), "cancelled"));
                });
                if (done.isPresent()) {
                    return done.get();
                }
                long left = Math.max(1, Duration.between(clock.instant(), deadline).toMillis());
                changed.await(Math.min(left, 1000), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DomainException("sale.cancel_interrupted", "Cancelling " + ref + " was interrupted: the sale"
                        + " is unchanged");
            } finally {
                unsubscribe.run();
            }
        }
    }

    /** A person's decision to send a held sale now (or to retry a queued or uncertain one at once). */
    Sale sendNow(String reference) {
        Sale s = require.apply(reference);
        if (!s.state().isUnsettled()) {
            throw new DomainException("sale.not_queued", "Sale " + s.externalReference() + " is " + s.state() + ": nothing to send");
        }
        if (!account.owns(s.account())) {
            throw new DomainException("sale.other_account", "Sale " + s.externalReference() + " was made on the "
                    + s.environment().code() + " account " + (s.account().clientCode() == null ? ""
                            : s.account().clientCode() + " ")
                    + "and is sent only from it: switch back to that account to send it");
        }
        return recorder.transaction(tx -> {
            outbox.approve(tx.connection(), s.externalReference(), clock.instant());
            tx.note(s.externalReference(), TimelineSource.PERSON, "send now");
            return tx.change(s.externalReference(), TimelineSource.PERSON,
                    c -> SaleRecorder.Change.of(c.withAttempt(c.attempts(), null, clock.instant()), null)).orElseThrow();
        });
    }
}
