package ma.hanout.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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

    /**
     * Records many sales in one transaction (one commit, one fsync): a batch's chunk. A request
     * whose reference is already on disk is not recorded again: the sale found is returned, as
     * {@link SaleEngine.Recorded.Kind#EARLIER} when it is the same sale (phone, operator, value,
     * offer) and {@link SaleEngine.Recorded.Kind#CONFLICT} when the reference belongs to another.
     */
    List<SaleEngine.Recorded> sellAll(List<SaleRequest> requests) {
        Instant now = clock.instant();
        List<String> refs = new ArrayList<>(requests.size());
        for (SaleRequest r : requests) {
            refs.add(r.externalReference() == null ? references.next() : ExternalReference.validate(r.externalReference()));
        }
        return recorder.transaction(tx -> {
            Map<String, Sale> existing = tx.findAll(refs);
            List<SaleEngine.Recorded> out = new ArrayList<>(requests.size());
            Map<String, List<Sale>> fresh = new java.util.LinkedHashMap<>(); // by cashier, in order
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < requests.size(); i++) {
                SaleRequest r = requests.get(i);
                String ref = refs.get(i);
                Sale e = existing.get(ref);
                if (e == null && !seen.add(ref)) {
                    throw new DomainException("reference.duplicate", "External reference '" + ref
                            + "' appears twice in one batch");
                }
                if (e != null) {
                    boolean same = e.phone().equals(r.phone()) && e.operator() == r.operator()
                            && e.value().equals(r.value()) && e.promo().equals(r.promo());
                    out.add(new SaleEngine.Recorded(r, e, same ? SaleEngine.Recorded.Kind.EARLIER
                            : SaleEngine.Recorded.Kind.CONFLICT));
                    continue;
                }
                Sale sale = Sale.newQueued(ref, r.phone(), r.operator(), r.value(), r.promo(), r.origin(), now, account);
                fresh.computeIfAbsent(r.cashier() + "\u0000" + r.origin(), k -> new ArrayList<>()).add(sale);
                out.add(new SaleEngine.Recorded(r, sale, SaleEngine.Recorded.Kind.RECORDED));
            }
            for (List<Sale> group : fresh.values()) {
                SaleRequest first = requests.get(refs.indexOf(group.get(0).externalReference()));
                tx.createAll(group, TimelineSource.of(first.origin()), first.cashier());
            }
            return out;
        });
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
