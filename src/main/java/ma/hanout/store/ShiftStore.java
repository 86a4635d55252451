package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.NoOpenShiftException;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftAlreadyOpenException;
import ma.hanout.domain.ShiftReport;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code shifts} table. One open shift per cashier and terminal (a unique index); closing
 * counts the shift's sales and writes the report into the row in one transaction, and from then
 * on the schema's triggers refuse any change or deletion of it: a kept report is the report.
 *
 * <p>A shift's sales: those of its account created between its opening and its closing by its
 * cashier (the name compared without case, as the one-open-shift rule does), and those with no
 * cashier noted (the command line, a terminal where nobody signs in) made while it was the
 * terminal's oldest open shift: an unnamed sale counts in exactly one shift, never in every shift
 * open at the time.
 */
public final class ShiftStore {
    private static final String COLUMNS = """
            SELECT id, cashier, terminal, environment, account, opened_at, closed_at, closed_by, sales, successes,
                   failures, refunds, pending, expected_centimes, counted_centimes FROM shifts
            """;

    private final Database db;

    public ShiftStore(Database db) {
        this.db = db;
    }

    /** Opens a shift for {@code cashier} at {@code terminal}; throws {@link ShiftAlreadyOpenException} if one is open. */
    public Shift open(String cashier, String terminal, SaleAccount account, Instant at) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO shifts (cashier, terminal, environment, account, opened_at) VALUES (?, ?, ?, ?, ?)")) {
                bind(ps, cashier, terminal, account.environment().name(), account.clientCode(), at.toEpochMilli())
                        .executeUpdate();
            } catch (SQLiteException e) {
                if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                    throw new ShiftAlreadyOpenException(cashier);
                }
                throw e;
            }
            return find(c, lastId(c)).orElseThrow();
        });
    }

    /** The open shift of {@code cashier} at {@code terminal}, if any. */
    public Optional<Shift> findOpen(String cashier, String terminal) {
        return db.read(c -> first(c, COLUMNS + " WHERE lower(cashier) = lower(?) AND terminal = ? AND closed_at IS NULL",
                cashier, terminal));
    }

    /** Every open shift at {@code terminal}, oldest first. */
    public List<Shift> openAt(String terminal) {
        return db.read(c -> list(c, COLUMNS + " WHERE terminal = ? AND closed_at IS NULL ORDER BY opened_at, id",
                terminal));
    }

    public Optional<Shift> find(long id) {
        return db.read(c -> find(c, id));
    }

    /** What the open shift {@code id} has sold so far, as its close would report it (nothing written). */
    public ShiftReport preview(long id, Instant now, Money counted) {
        return db.read(c -> {
            Shift s = find(c, id).filter(Shift::isOpen).orElseThrow(() -> new NoOpenShiftException(null));
            return count(c, s, now, counted);
        });
    }

    /**
     * Closes the open shift {@code id} at {@code at}: counts its sales and keeps the report.
     *
     * @param counted the cash the cashier counted, or null
     */
    public Shift close(long id, Instant at, String closedBy, Money counted) {
        return db.write(c -> {
            Shift s = find(c, id).filter(Shift::isOpen).orElseThrow(() -> new NoOpenShiftException(null));
            ShiftReport r = count(c, s, at, counted);
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE shifts SET closed_at = ?, closed_by = ?, sales = ?, successes = ?, failures = ?, refunds = ?,
                                      pending = ?, expected_centimes = ?, counted_centimes = ?
                    WHERE id = ? AND closed_at IS NULL
                    """)) {
                bind(ps, at.toEpochMilli(), closedBy, r.sales(), r.successes(), r.failures(), r.refunds(), r.pending(),
                        r.expectedCash().centimes(), counted == null ? null : counted.centimes(), id).executeUpdate();
            }
            return find(c, id).orElseThrow();
        });
    }

    /**
     * Shifts newest first; {@code text} (null: any) matches the cashier's name or the terminal,
     * case-insensitively, anywhere in them.
     */
    public List<Shift> list(String text, int limit) {
        Sql.requirePositive(limit, "limit");
        String like = text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return db.read(c -> like == null
                ? list(c, COLUMNS + " ORDER BY opened_at DESC, id DESC LIMIT ?", limit)
                : list(c, COLUMNS + " WHERE lower(cashier) LIKE ? ESCAPE '\\' OR lower(terminal) LIKE ? ESCAPE '\\'"
                        + " ORDER BY opened_at DESC, id DESC LIMIT ?", like, like, limit));
    }

    private static ShiftReport count(Connection c, Shift s, Instant until, Money counted) throws SQLException {
        String success = "state = 'ACCEPTED' AND status_code IN (3, 19, 20)";
        String sql = "SELECT count(*), sum(CASE WHEN " + success + " THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN state = 'REJECTED' OR (state = 'ACCEPTED' AND status_code IN"
                + " (4, 5, 6, 7, 8, 9, 10, 12)) THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN state = 'ACCEPTED' AND status_code = 11 THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN " + success + " THEN value_centimes ELSE 0 END)"
                + " FROM sales WHERE state <> 'CANCELLED'"
                + " AND created_at >= ? AND created_at <= ? AND environment = ?"
                + " AND (account = ? OR account IS NULL OR ? IS NULL)"
                + " AND (lower(cashier) = lower(?) OR (cashier IS NULL AND NOT EXISTS ("
                // an older shift of this terminal open at the sale's time takes the unnamed sale
                + " SELECT 1 FROM shifts o WHERE o.terminal = ? AND o.id <> ?"
                + " AND (o.opened_at < ? OR (o.opened_at = ? AND o.id < ?))"
                + " AND o.opened_at <= sales.created_at AND (o.closed_at IS NULL OR o.closed_at >= sales.created_at))))";
        long opened = s.openedAt().toEpochMilli();
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = bind(ps, opened, until.toEpochMilli(),
                        s.account().environment().name(), s.account().clientCode(), s.account().clientCode(),
                        s.cashier(), s.terminal(), s.id(), opened, opened, s.id())
                        .executeQuery()) {
            rs.next();
            long sales = rs.getLong(1);
            long successes = rs.getLong(2);
            long failures = rs.getLong(3);
            long refunds = rs.getLong(4);
            return new ShiftReport(sales, successes, failures, refunds, sales - successes - failures - refunds,
                    Money.ofCentimes(rs.getLong(5)), counted);
        }
    }

    private static Optional<Shift> find(Connection c, long id) throws SQLException {
        return first(c, COLUMNS + " WHERE id = ?", id);
    }

    private static long lastId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Optional<Shift> first(Connection c, String sql, Object... args) throws SQLException {
        List<Shift> l = list(c, sql, args);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    private static List<Shift> list(Connection c, String sql, Object... args) throws SQLException {
        List<Shift> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, args).executeQuery()) {
            while (rs.next()) {
                out.add(row(rs));
            }
        }
        return out;
    }

    private static Shift row(ResultSet rs) throws SQLException {
        Instant closedAt = Sql.instant(rs, "closed_at");
        ShiftReport report = null;
        if (closedAt != null) {
            Long counted = Sql.nullableLong(rs, "counted_centimes");
            report = new ShiftReport(rs.getLong("sales"), rs.getLong("successes"), rs.getLong("failures"),
                    rs.getLong("refunds"), rs.getLong("pending"), Money.ofCentimes(rs.getLong("expected_centimes")),
                    counted == null ? null : Money.ofCentimes(counted));
        }
        return new Shift(rs.getLong("id"), rs.getString("cashier"), rs.getString("terminal"),
                new SaleAccount(Environment.valueOf(rs.getString("environment")), rs.getString("account")),
                Sql.instant(rs, "opened_at"), closedAt, rs.getString("closed_by"), report);
    }
}
