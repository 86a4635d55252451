package ma.hanout.store;

import static ma.hanout.store.SaleRows.OF_ACCOUNT;
import static ma.hanout.store.SaleRows.OLDEST_FIRST;
import static ma.hanout.store.SaleRows.SELECT;
import static ma.hanout.store.SaleRows.UNSETTLED;
import static ma.hanout.store.SaleRows.UNSETTLED_STATES;
import static ma.hanout.store.SaleRows.accountArgs;
import static ma.hanout.store.SaleRows.args;
import static ma.hanout.store.SaleRows.flag;
import static ma.hanout.store.SaleRows.updateOne;
import static ma.hanout.store.Sql.bind;
import static ma.hanout.store.Sql.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import ma.hanout.domain.QueuedSale;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;

/**
 * The outbox's bookkeeping on the {@code sales} table: whether a request may have left
 * ({@code sent_at}), the hold of a sale too old to go on its own, the lease that keeps two
 * senders apart, a person's approval, when the server was last asked; and the lists the engine
 * works from. The lists are per account: an engine sends and watches only the sales made on its
 * own account ({@link SaleAccount}).
 */
public final class OutboxLedger {
    private final Database db;

    public OutboxLedger(Database db) {
        this.db = db;
    }

    /** Notes that a request for this sale may have left; only the first time counts. */
    public void markSent(String externalReference, Instant at) {
        db.write(c -> {
            markSent(c, externalReference, at);
            return null;
        });
    }

    public void markSent(Connection c, String externalReference, Instant at) throws SQLException {
        updateOne(c, "UPDATE sales SET sent_at = coalesce(sent_at, ?) WHERE external_reference = ?", externalReference,
                millis(at), externalReference);
    }

    /** Whether a request for this sale may have left; a sale never sent is the only kind that may be cancelled. */
    public boolean wasSent(String externalReference) {
        return db.read(c -> wasSent(c, externalReference));
    }

    public boolean wasSent(Connection c, String externalReference) throws SQLException {
        return flag(c, "SELECT sent_at IS NOT NULL FROM sales WHERE external_reference = ?", externalReference);
    }

    /** Holds a sale for a person (too old to send on its own) or lets the worker have it again. */
    public void setHold(String externalReference, boolean held) {
        db.write(c -> {
            setHold(c, externalReference, held);
            return null;
        });
    }

    public void setHold(Connection c, String externalReference, boolean held) throws SQLException {
        updateOne(c, "UPDATE sales SET hold = ? WHERE external_reference = ?", externalReference, held ? 1 : 0,
                externalReference);
    }

    public boolean isHeld(String externalReference) {
        return db.read(c -> isHeld(c, externalReference));
    }

    public boolean isHeld(Connection c, String externalReference) throws SQLException {
        return flag(c, "SELECT hold FROM sales WHERE external_reference = ?", externalReference);
    }

    /**
     * Takes the lease on a sale until {@code leaseUntil} when nobody holds it, the holder's lease
     * expired at {@code now}, or {@code owner} already holds it (a renewal). One atomic UPDATE, so
     * of two programs claiming at once exactly one wins. Returns whether {@code owner} holds it now.
     */
    public boolean claim(String externalReference, String owner, Instant leaseUntil, Instant now) {
        return db.write(c -> claim(c, externalReference, owner, leaseUntil, now));
    }

    public boolean claim(Connection c, String externalReference, String owner, Instant leaseUntil, Instant now)
            throws SQLException {
        String sql = """
                UPDATE sales SET lease_owner = ?, lease_until = ?
                WHERE external_reference = ?
                  AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until <= ? OR lease_owner = ?)
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, owner, millis(leaseUntil), externalReference, millis(now), owner);
            return ps.executeUpdate() == 1;
        }
    }

    /** Gives the lease back, if {@code owner} holds it. */
    public void release(String externalReference, String owner) {
        db.write(c -> {
            release(c, externalReference, owner);
            return null;
        });
    }

    public void release(Connection c, String externalReference, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sales SET lease_owner = NULL, lease_until = NULL WHERE external_reference = ? AND lease_owner = ?")) {
            bind(ps, externalReference, owner).executeUpdate();
        }
    }

    /**
     * Records a person's decision to send this sale although it waited longer than the maximum age;
     * it also lifts the hold. The worker never holds an approved sale again.
     */
    public void approve(Connection c, String externalReference, Instant at) throws SQLException {
        updateOne(c, "UPDATE sales SET hold = 0, approved_at = coalesce(approved_at, ?) WHERE external_reference = ?",
                externalReference, millis(at), externalReference);
    }

    public boolean isApproved(String externalReference) {
        return db.read(c -> isApproved(c, externalReference));
    }

    public boolean isApproved(Connection c, String externalReference) throws SQLException {
        return flag(c, "SELECT approved_at IS NOT NULL FROM sales WHERE external_reference = ?", externalReference);
    }

    /** Whether someone other than {@code owner} holds a live lease on the sale at {@code now}. */
    public boolean isLeasedByOther(Connection c, String externalReference, String owner, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(*) FROM sales WHERE external_reference = ? AND lease_owner IS NOT NULL
                  AND lease_owner <> ? AND lease_until > ?
                """)) {
            try (ResultSet rs = bind(ps, externalReference, owner, millis(now)).executeQuery()) {
                return rs.next() && rs.getLong(1) > 0;
            }
        }
    }

    /** A sale's lease: who holds it and until when. */
    public record Lease(String externalReference, String owner, Instant until) {
    }

    /** Every lease held, live or not, whatever the account: the engine frees those of processes that are gone. */
    public List<Lease> leases() {
        return db.read(c -> {
            List<Lease> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT external_reference, lease_owner, lease_until FROM sales WHERE lease_owner IS NOT NULL");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long until = rs.getLong(3);
                    out.add(new Lease(rs.getString(1), rs.getString(2), rs.wasNull() ? null : Instant.ofEpochMilli(until)));
                }
            }
            return out;
        });
    }

    /**
     * Sales of any account in {@code state}, which must be unsettled (QUEUED, SENDING or UNCERTAIN),
     * oldest first: a sale left SENDING by a dead process is uncertain whoever's it is.
     */
    public List<Sale> byState(SaleState state) {
        if (!UNSETTLED_STATES.contains(state)) {
            throw new IllegalArgumentException("byState lists unsettled states only, not " + state);
        }
        return db.read(c -> SaleRows.sales(SaleRows.list(c, SELECT + "WHERE " + UNSETTLED + " AND state = ?"
                + OLDEST_FIRST, state.name())));
    }

    /** Notes the last time the server was asked for this sale's status. */
    public void markChecked(String externalReference, Instant at) {
        db.write(c -> {
            markChecked(c, externalReference, at);
            return null;
        });
    }

    public void markChecked(Connection c, String externalReference, Instant at) throws SQLException {
        updateOne(c, "UPDATE sales SET checked_at = ? WHERE external_reference = ?", externalReference, millis(at),
                externalReference);
    }

    /**
     * Sales of {@code account} the worker may send now: queued or uncertain, not held, due
     * ({@code next_attempt_at} passed), and not leased by anyone (or the lease expired). Oldest first.
     */
    public List<Sale> dueForSend(SaleAccount account, Instant now, int limit) {
        Sql.requirePositive(limit, "limit");
        long ms = now.toEpochMilli();
        return db.read(c -> SaleRows.sales(SaleRows.list(c, DUE_FOR_SEND, args(ms, ms, accountArgs(account), limit))));
    }

    static final String DUE_FOR_SEND = SELECT + "WHERE " + UNSETTLED + """
             AND state IN ('QUEUED', 'UNCERTAIN') AND hold = 0
              AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
              AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until <= ?)
            """ + " AND " + OF_ACCOUNT + OLDEST_FIRST + " LIMIT ?";

    /** Everything of {@code account} not yet settled (queued, sending, uncertain), oldest first, with the outbox flags. */
    public List<QueuedSale> unsettled(SaleAccount account) {
        return db.read(c -> {
            List<QueuedSale> out = new ArrayList<>();
            for (SaleRows.Row r : SaleRows.list(c, SELECT + "WHERE " + UNSETTLED + " AND " + OF_ACCOUNT + OLDEST_FIRST,
                    accountArgs(account))) {
                out.add(new QueuedSale(r.sale(), r.held(), r.sent()));
            }
            return out;
        });
    }

    /**
     * Accepted sales of {@code account} whose server status may still change (none yet, or not one
     * of {@code finalCodes}), created after {@code since}; least recently checked first.
     */
    public List<Sale> watchList(SaleAccount account, Set<Integer> finalCodes, Instant since, int limit) {
        Sql.requirePositive(limit, "limit");
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE state = 'ACCEPTED' AND created_at > ? AND ")
                .append(OF_ACCOUNT);
        args.add(since.toEpochMilli());
        args.addAll(java.util.Arrays.asList(accountArgs(account)));
        if (!Sql.isEmpty(finalCodes)) {
            sql.append(" AND (status_code IS NULL OR status_code NOT IN (")
                    .append(Sql.placeholders(finalCodes.size())).append("))");
            args.addAll(finalCodes);
        }
        // never checked (NULL) sorts first, then the newest: a fresh sale is the one a cashier waits on
        sql.append(" ORDER BY checked_at, created_at DESC LIMIT ?");
        args.add(limit);
        return db.read(c -> SaleRows.sales(SaleRows.list(c, sql.toString(), args.toArray())));
    }
}
