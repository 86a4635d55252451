package ma.hanout.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.QueuedSale;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleCursor;
import ma.hanout.domain.SaleEvent;
import ma.hanout.domain.SalePage;
import ma.hanout.domain.SaleQuery;
import ma.hanout.domain.SaleState;
import ma.hanout.store.OutboxLedger;
import ma.hanout.store.SaleEventStore;
import ma.hanout.store.SaleSearch;
import ma.hanout.store.SaleStore;

/**
 * What the screens and the command line read about sales: one sale, a history search, the queue,
 * a sale's timeline. Read-model types only ({@code ma.hanout.domain}); nothing here writes.
 */
public final class SaleReads {
    private final SaleStore sales;
    private final OutboxLedger outbox;
    private final SaleSearch search;
    private final SaleEventStore events;
    private final SaleAccount account;

    SaleReads(SaleStore sales, OutboxLedger outbox, SaleSearch search, SaleEventStore events, SaleAccount account) {
        this.sales = sales;
        this.outbox = outbox;
        this.search = search;
        this.events = events;
        this.account = account;
    }

    /** A sale by its external reference or its ref_interne. */
    public Optional<Sale> find(String reference) {
        return sales.findByEitherReference(reference);
    }

    /** One page of the history, newest first, after {@code after} (null: the first page). */
    public SalePage search(SaleQuery query, int pageSize, SaleCursor after) {
        return search.search(query, pageSize, after);
    }

    /** The newest sales, of every account (each says which it was made on). */
    public List<Sale> recent(int limit) {
        return search.recent(limit);
    }

    /** This account's queued (offline or held), sending and uncertain sales, oldest first. */
    public List<QueuedSale> queue() {
        return outbox.unsettled(account);
    }

    /** Who sold it (the signed-in user's name), when known. */
    public Optional<String> cashierOf(String externalReference) {
        return sales.cashierOf(externalReference);
    }

    /** The operator of this number's last sale: numbers are portable, so this beats the prefix hint. */
    public Optional<Operator> lastOperatorFor(Phone phone) {
        return search.lastOperatorFor(phone);
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
        List<SaleEvent> out = new ArrayList<>(stored.size() + 1);
        out.add(new SaleEvent(externalReference, s.createdAt(), SaleState.QUEUED, null, TimelineSource.of(s.origin()),
                cashier == null ? "sold" : "sold by " + cashier));
        out.addAll(stored);
        return out;
    }
}
