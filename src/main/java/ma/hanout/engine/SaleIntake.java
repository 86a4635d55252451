package ma.hanout.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.ExternalReference;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Price;
import ma.hanout.domain.QueuedSale;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.store.DuplicateSaleException;
import ma.hanout.store.OutboxLedger;
import ma.hanout.store.PriceStore;

/**
 * Taking a sale in: it is committed to disk as QUEUED, on this engine's account, before anything
 * goes to the network; and, before that, whether the known balance can cover it.
 */
final class SaleIntake {
    private final SaleRecorder recorder;
    private final OutboxLedger outbox;
    private final PriceStore prices;
    private final BalanceTracker balance;
    private final ExternalReference references;
    private final SaleAccount account;
    private final Clock clock;

    SaleIntake(SaleRecorder recorder, OutboxLedger outbox, PriceStore prices, BalanceTracker balance,
            SaleAccount account, Clock clock) {
        this.recorder = recorder;
        this.outbox = outbox;
        this.prices = prices;
        this.balance = balance;
        this.account = account;
        this.clock = clock;
        this.references = new ExternalReference(clock);
    }

    Sale sell(SaleRequest request) {
        String ref = request.externalReference() == null ? references.next()
                : ExternalReference.validate(request.externalReference());
        Instant now = clock.instant();
        Sale sale = Sale.newQueued(ref, request.phone(), request.operator(), request.value(), request.promo(),
                request.origin(), now, account);
        try {
            recorder.create(sale, TimelineSource.of(request.origin()), null, request.cashier());
        } catch (DuplicateSaleException e) {
            throw new DomainException("reference.duplicate", "External reference '" + ref + "' is already used by another sale");
        }
        return sale;
    }

    Coverage coverage(Operator operator, Money value) {
        Map<Operator, Price> margins = new EnumMap<>(Operator.class);
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
        for (QueuedSale q : outbox.unsettled(account)) {
            Sale s = q.sale();
            available = available.minus(s.billingAmount() != null ? s.billingAmount()
                    : estimate(margins, s.operator(), s.value()));
        }
        return new Coverage(estimate, available, b.get().at().toEpochMilli());
    }

    /** The cached margin's billing, or the face value when no price is known yet (the cautious guess). */
    private static Money estimate(Map<Operator, Price> margins, Operator operator, Money value) {
        Price p = margins.get(operator);
        return p == null ? value : p.billingFor(value);
    }
}
