package ma.hanout.engine;

import java.time.Clock;
import java.time.Instant;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleEvent;
import ma.hanout.domain.SaleState;
import ma.hanout.store.Database;
import ma.hanout.store.OutboxLedger;
import ma.hanout.store.SaleEventStore;
import ma.hanout.store.SaleStore;
import ma.hanout.store.SqlFunction;

/**
 * The one place a sale is written. Every change is a read-modify-write of the current row inside
 * one {@code BEGIN IMMEDIATE} transaction, with its timeline event, so the worker, the poller,
 * history sync and relay events never overwrite each other's news; listeners hear of a change
 * only after it is committed.
 */
final class SaleRecorder {

    /** A change to a sale: the new row, why, and whether the request may have reached the server. */
    record Change(Sale sale, String detail, boolean reachedServer) {
        Change {
            Objects.requireNonNull(sale, "sale");
        }

        static Change of(Sale sale, String detail) {
            return new Change(sale, detail, false);
        }
    }

    private final Database db;
    private final SaleStore sales;
    private final OutboxLedger outbox;
    private final SaleEventStore events;
    private final Clock clock;
    private final Consumer<Sale> changed;

    SaleRecorder(Database db, SaleStore sales, OutboxLedger outbox, SaleEventStore events, Clock clock,
            Consumer<Sale> changed) {
        this.db = db;
        this.sales = sales;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.changed = changed;
    }

    /** Commits a new sale with its first timeline entry (synchronous, durable), then tells listeners. */
    void create(Sale sale, String source, String detail) {
        create(sale, source, detail, null);
    }

    void create(Sale sale, String source, String detail, String cashier) {
        transaction(tx -> {
            tx.create(sale, source, detail, cashier);
            return null;
        });
    }

    /**
     * Applies {@code f} to the sale's current row. {@code f} returns null (or the same row) for "nothing
     * to change". Returns the row after the change, or empty when there is no such sale.
     */
    Optional<Sale> change(String externalReference, String source, Function<Sale, Change> f) {
        return transaction(tx -> tx.change(externalReference, source, f));
    }

    /** Adds a timeline note without changing the sale. */
    void note(String externalReference, String source, String detail) {
        transaction(tx -> {
            tx.note(externalReference, source, detail);
            return null;
        });
    }

    /**
     * Runs {@code work} in one write transaction: many changes, one commit (one fsync). Listeners hear
     * of the changes after the commit, never of a rolled-back one.
     */
    <T> T transaction(SqlFunction<Tx, T> work) {
        List<Sale> changedSales = new ArrayList<>();
        T result = db.write(c -> work.apply(new Tx(c, changedSales)));
        for (Sale s : changedSales) {
            changed.accept(s);
        }
        return result;
    }

    /** The changes made inside one transaction. */
    final class Tx {
        private final Connection c;
        private final List<Sale> changedSales;

        private Tx(Connection c, List<Sale> changedSales) {
            this.c = c;
            this.changedSales = changedSales;
        }

        Connection connection() {
            return c;
        }

        void create(Sale sale, String source, String detail) throws SQLException {
            create(sale, source, detail, null);
        }

        /**
         * Inserts a new sale. A sale sold here (QUEUED) writes no timeline row: the sale's own row is
         * the record of its creation and the timeline shows it first ({@link SaleEngine#timeline}),
         * which keeps the commit in front of the cashier to one row. A sale found elsewhere gets its
         * first timeline row, with the state and status it was found in.
         */
        void create(Sale sale, String source, String detail, String cashier) throws SQLException {
            sales.insert(c, sale, cashier);
            if (sale.state() != SaleState.QUEUED) {
                events.append(c, new SaleEvent(sale.externalReference(), sale.createdAt(), sale.state(), sale.status(),
                        source, detail));
            }
            changedSales.add(sale);
        }

        /** Inserts many new sales sold here (QUEUED) through one statement: a batch's chunk. */
        void createAll(List<Sale> batch, String source, String cashier) throws SQLException {
            for (Sale s : batch) {
                if (s.state() != SaleState.QUEUED) {
                    throw new IllegalArgumentException("createAll records new sales only, not " + s.state());
                }
            }
            sales.insertAll(c, batch, cashier);
            changedSales.addAll(batch);
        }

        /** The sales among {@code references} that are on disk, by reference. */
        java.util.Map<String, Sale> findAll(java.util.Collection<String> references) throws SQLException {
            return sales.findAll(c, references);
        }

        Optional<Sale> find(String externalReference) throws SQLException {
            return sales.find(c, externalReference);
        }

        Optional<Sale> change(String externalReference, String source, Function<Sale, Change> f) throws SQLException {
            Sale cur = sales.find(c, externalReference).orElse(null);
            if (cur == null) {
                return Optional.empty();
            }
            Change ch = f.apply(cur);
            if (ch == null || ch.sale().equals(cur) && !ch.reachedServer() && ch.detail() == null) {
                return Optional.of(cur);
            }
            Instant now = clock.instant();
            if (!ch.sale().equals(cur)) {
                sales.update(c, ch.sale());
            }
            if (ch.reachedServer()) {
                outbox.markSent(c, externalReference, now);
            }
            boolean stateMoved = ch.sale().state() != cur.state();
            boolean statusMoved = !Objects.equals(ch.sale().status(), cur.status());
            if (stateMoved || statusMoved || ch.detail() != null) {
                events.append(c, new SaleEvent(externalReference, now, stateMoved ? ch.sale().state() : null,
                        statusMoved ? ch.sale().status() : null, source, ch.detail()));
            }
            changedSales.add(ch.sale());
            return Optional.of(ch.sale());
        }

        void note(String externalReference, String source, String detail) throws SQLException {
            events.append(c, new SaleEvent(externalReference, clock.instant(), null, null, source, detail));
        }
    }
}
