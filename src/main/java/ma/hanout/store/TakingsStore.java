package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ma.hanout.domain.HourTakings;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.Takings;

/**
 * The owner's takings, read from {@code takings_hourly}: the per-hour summary the schema's triggers
 * keep in the same transaction as every change of a sale (Schema step 10). A period is a range of
 * whole UTC hours, {@code from} inclusive, {@code to} exclusive; a sale counts in the hour it was
 * created. An account's takings include the legacy sales of its environment kept without a client
 * code, as {@link SaleAccount#owns} says; another environment's sales never count.
 */
public final class TakingsStore {
    private static final long HOUR_MS = 3_600_000L;
    private static final String SUMS = """
            sum(successes), sum(face_centimes), sum(billed_centimes), sum(failures), sum(refunds), sum(pending)
            """;
    /*
     * environment, then the account as an IN list, then the hour range: each IN value is one range
     * walk of the primary key (environment, account_key, hour, operator), so a period costs the
     * rows of its hours and never a scan of the table.
     */
    private static final String OF_ACCOUNT = " environment = ? AND account_key IN (?, '') AND hour >= ? AND hour < ? ";
    private static final String OF_ENVIRONMENT = " environment = ? AND hour >= ? AND hour < ? ";

    private final Database db;

    public TakingsStore(Database db) {
        this.db = db;
    }

    /** Per operator, the takings of {@code account} created in [{@code from}, {@code to}); absent operators sold nothing. */
    public Map<Operator, Takings> byOperator(SaleAccount account, Instant from, Instant to) {
        return db.read(c -> {
            Map<Operator, Takings> out = new EnumMap<>(Operator.class);
            String sql = "SELECT operator, " + SUMS + " FROM takings_hourly WHERE " + where(account) + " GROUP BY operator";
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = bindAccount(ps, account, from, to).executeQuery()) {
                while (rs.next()) {
                    Operator op = Operator.fromWire(rs.getString(1)).orElse(null);
                    if (op != null) {
                        out.merge(op, takings(rs, 2), Takings::plus);
                    }
                }
            }
            return out;
        });
    }

    /** Every hour with a sale of {@code account} in [{@code from}, {@code to}), per operator, oldest first. */
    public List<HourTakings> hourly(SaleAccount account, Instant from, Instant to) {
        return db.read(c -> {
            List<HourTakings> out = new ArrayList<>();
            String sql = "SELECT hour, operator, " + SUMS + " FROM takings_hourly WHERE " + where(account)
                    + " GROUP BY hour, operator ORDER BY hour, operator";
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = bindAccount(ps, account, from, to).executeQuery()) {
                while (rs.next()) {
                    Instant hour = Instant.ofEpochMilli(rs.getLong(1) * HOUR_MS);
                    Operator op = Operator.fromWire(rs.getString(2)).orElse(null);
                    if (op != null) {
                        out.add(new HourTakings(hour, op, takings(rs, 3)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The same figures as {@link #byOperator}, computed from the {@code sales} rows themselves (the
     * whole period scanned): the floor the bench measures the summary against, and the check that
     * the triggers keep the summary right. {@code from}/{@code to} are taken to whole hours alike.
     */
    public Map<Operator, Takings> byOperatorFromSales(SaleAccount account, Instant from, Instant to) {
        return db.read(c -> {
            Map<Operator, Takings> out = new EnumMap<>(Operator.class);
            String success = "state = 'ACCEPTED' AND status_code IN (3, 19, 20)";
            String sql = "SELECT operator, sum(CASE WHEN " + success + " THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN " + success + " THEN value_centimes ELSE 0 END),"
                    + " sum(CASE WHEN " + success + " THEN coalesce(billing_centimes, 0) ELSE 0 END),"
                    + " sum(CASE WHEN state = 'REJECTED' OR (state = 'ACCEPTED' AND status_code IN"
                    + " (4, 5, 6, 7, 8, 9, 10, 12)) THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN state = 'ACCEPTED' AND status_code = 11 THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN state IN ('QUEUED', 'SENDING', 'UNCERTAIN') OR (state = 'ACCEPTED' AND"
                    + " (status_code IS NULL OR status_code NOT IN (3, 19, 20, 4, 5, 6, 7, 8, 9, 10, 12, 11)))"
                    + " THEN 1 ELSE 0 END)"
                    + " FROM sales WHERE environment = ? AND (coalesce(account, '') = ? OR account IS NULL OR ? = '')"
                    + " AND created_at >= ? AND created_at < ? GROUP BY operator";
            String code = account.clientCode() == null ? "" : account.clientCode();
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = bind(ps, account.environment().name(), code, code, hourOf(from) * HOUR_MS,
                            hourOf(to) * HOUR_MS).executeQuery()) {
                while (rs.next()) {
                    Operator op = Operator.fromWire(rs.getString(1)).orElse(null);
                    if (op != null) {
                        out.merge(op, takings(rs, 2), Takings::plus);
                    }
                }
            }
            return out;
        });
    }

    /** The hour bucket of {@code t}: whole hours since the epoch, rounded down. */
    static long hourOf(Instant t) {
        return Math.floorDiv(t.toEpochMilli(), HOUR_MS);
    }

    /** An account without a client code (legacy) takes every sale of its environment. */
    private static String where(SaleAccount account) {
        return account.clientCode() == null ? OF_ENVIRONMENT : OF_ACCOUNT;
    }

    private static PreparedStatement bindAccount(PreparedStatement ps, SaleAccount account, Instant from, Instant to)
            throws SQLException {
        return account.clientCode() == null
                ? bind(ps, account.environment().name(), hourOf(from), hourOf(to))
                : bind(ps, account.environment().name(), account.clientCode(), hourOf(from), hourOf(to));
    }

    /** SQLite's plan for {@link #byOperator} ({@code EXPLAIN QUERY PLAN}), for the bench to show it walks the key. */
    public String queryPlan(SaleAccount account, Instant from, Instant to) {
        return db.read(c -> {
            StringBuilder b = new StringBuilder();
            String sql = "EXPLAIN QUERY PLAN SELECT operator, " + SUMS + " FROM takings_hourly WHERE " + where(account)
                    + " GROUP BY operator";
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = bindAccount(ps, account, from, to).executeQuery()) {
                while (rs.next()) {
                    b.append(b.length() == 0 ? "" : " | ").append(rs.getString("detail"));
                }
            }
            return b.toString();
        });
    }

    private static Takings takings(ResultSet rs, int first) throws SQLException {
        return new Takings(rs.getLong(first), Money.ofCentimes(rs.getLong(first + 1)),
                Money.ofCentimes(rs.getLong(first + 2)), rs.getLong(first + 3), rs.getLong(first + 4),
                rs.getLong(first + 5));
    }
}
