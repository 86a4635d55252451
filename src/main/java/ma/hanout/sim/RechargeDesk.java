package ma.hanout.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;

import ma.hanout.domain.Money;

/**
 * Takes recharge orders: refuses a reused {@code external_reference}, bills the operator's price,
 * debits the account (production only: the sandbox never debits), stores the recharge, announces
 * it and starts its scenario.
 */
final class RechargeDesk {
    /** A recharge the desk accepted. */
    record Accepted(RechargeRecord recharge, Money balanceAfter, Scenario scenario) {
    }

    private final Account account;
    private final PriceList prices;
    private final RechargeBook production;
    private final RechargeBook sandbox;
    private final StatusProgression progression;
    private final RechargeEvents events;
    private final SimDates dates;
    /**
     * 15 digits like the reference's {@code 189957125550360}: the start time in milliseconds × 100,
     * then one by one, so a simulator started later does not reuse an id that a client may still
     * hold from an earlier run (the desktop's demo mode starts a fresh simulator each time).
     */
    private final AtomicLong nextId;

    RechargeDesk(Account account, PriceList prices, RechargeBook production, RechargeBook sandbox,
            StatusProgression progression, RechargeEvents events, SimDates dates) {
        this.account = account;
        this.prices = prices;
        this.production = production;
        this.sandbox = sandbox;
        this.progression = progression;
        this.events = events;
        this.dates = dates;
        this.nextId = new AtomicLong(Math.max(dates.now().toEpochMilli(), 0) * 100);
    }

    RechargeBook book(Environment env) {
        return env == Environment.PRODUCTION ? production : sandbox;
    }

    /**
     * Applies one order; throws {@link ApiError} for a duplicate reference or money the account
     * lacks. {@code fault} is the injected fault that will strike the answer, kept for {@code /_sim/recharges}.
     */
    Accepted submit(Environment env, RechargeOrder order, FaultDice.RechargeFault fault) {
        RechargeBook book = book(env);
        Money billing = prices.billing(order.operator(), order.value());
        Instant now = dates.now();
        LocalDate today = dates.dayOf(now);
        RechargeRecord recharge;
        Money balanceAfter;
        synchronized (book) {
            if (order.externalReference() != null && book.hasReference(order.externalReference())) {
                book.byReference(order.externalReference()).ifPresent(RechargeRecord::duplicateAttempted);
                throw ApiError.duplicateReference();
            }
            balanceAfter = env.debits() ? account.debit(billing, today) : account.balance();
            recharge = new RechargeRecord(env.refPrefix + nextId.incrementAndGet(), order, billing, now, today, env,
                    fault.wire);
            book.add(recharge);
        }
        Scenario scenario = Scenario.forPhone(order.phone());
        events.created(recharge);
        progression.start(recharge, scenario);
        return new Accepted(recharge, balanceAfter, scenario);
    }

    Money balance() {
        return account.balance();
    }
}
