package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;

/**
 * Reading rows of the {@code sales} table, shared by the three classes that own its columns: the
 * sale itself ({@link SaleStore}), the outbox's bookkeeping ({@link OutboxLedger}) and the
 * history search ({@link SaleSearch}).
 */
final class SaleRows {
    /** Repeats the partial index's term word for word: SQLite uses the index only then. */
    static final String UNSETTLED = "state IN ('QUEUED', 'SENDING', 'UNCERTAIN')";
    static final Set<SaleState> UNSETTLED_STATES = EnumSet.of(SaleState.QUEUED, SaleState.SENDING,
            SaleState.UNCERTAIN);

    static final String SELECT = """
            SELECT rowid, external_reference, phone, operator, value_centimes, promo, state, status_code,
                   ref_interne, billing_centimes, error_code, error_message, origin, attempts, next_attempt_at,
                   created_at, updated_at, executed_at, sent_at, hold, environment, account
            FROM sales
            """;
    static final String NEWEST_FIRST = " ORDER BY created_at DESC, rowid DESC";
    static final String OLDEST_FIRST = " ORDER BY created_at, rowid";
    /** The sales of one account: {@code environment = ? AND (account IS NULL OR account = ?)}. */
    static final String OF_ACCOUNT = "environment = ? AND (account IS NULL OR account = ?)";

    private SaleRows() {
    }

    /** A sale as read, with what the outbox keeps beside it. */
    record Row(long rowId, Sale sale, boolean held, boolean sent) {
    }

    /** The two arguments of {@link #OF_ACCOUNT}. */
    static Object[] accountArgs(SaleAccount account) {
        return new Object[] {account.environment().name(), account.clientCode()};
    }

    static Row map(ResultSet rs) throws SQLException {
        String ref = rs.getString("external_reference");
        try {
            Integer status = Sql.nullableInt(rs, "status_code");
            Long billing = Sql.nullableLong(rs, "billing_centimes");
            SaleAccount account = new SaleAccount(enumValue(Environment.class, ref, "environment",
                    rs.getString("environment")), rs.getString("account"));
            Sale sale = new Sale(ref, new Phone(rs.getString("phone")), operator(ref, rs.getString("operator")),
                    Money.ofCentimes(rs.getLong("value_centimes")), new Promo(rs.getInt("promo")),
                    enumValue(SaleState.class, ref, "state", rs.getString("state")),
                    status == null ? null : RechargeStatus.of(status), rs.getString("ref_interne"),
                    billing == null ? null : Money.ofCentimes(billing), rs.getString("error_code"),
                    rs.getString("error_message"), enumValue(Sale.Origin.class, ref, "origin", rs.getString("origin")),
                    rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "updated_at"), Sql.instant(rs, "executed_at"), account);
            return new Row(rs.getLong("rowid"), sale, rs.getInt("hold") != 0, rs.getObject("sent_at") != null);
        } catch (DomainException e) {
            throw new StoreException("Sale " + ref + " cannot be read from the database: " + e.getMessage(), e);
        }
    }

    private static Operator operator(String ref, String wire) {
        return Operator.fromWire(wire).orElseThrow(() -> new StoreException(
                "Sale " + ref + " has an unknown operator '" + wire + "' in the database"));
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String ref, String column, String text) {
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new StoreException("Sale " + ref + " has an unknown " + column + " '" + text
                    + "' in the database (written by a newer Hanout?)", e);
        }
    }

    static List<Row> list(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            try (ResultSet rs = bind(ps, args).executeQuery()) {
                List<Row> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(map(rs));
                }
                return out;
            }
        }
    }

    static Optional<Row> first(Connection c, String sql, Object... args) throws SQLException {
        List<Row> rows = list(c, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static List<Sale> sales(List<Row> rows) {
        List<Sale> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.sale()));
        return out;
    }

    /** A 0/1 column of one sale; a missing sale is an error. */
    static boolean flag(Connection c, String sql, String externalReference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, externalReference).executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("No sale with reference " + externalReference);
            }
            return rs.getInt(1) != 0;
        }
    }

    /** An UPDATE that must change exactly the one sale it names. */
    static void updateOne(Connection c, String sql, String externalReference, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (bind(ps, args).executeUpdate() == 0) {
                throw new StoreException("No sale with reference " + externalReference);
            }
        }
    }

    /** Concatenates SQL arguments: {@code args(a, accountArgs(x), b)} flattens the arrays. */
    static Object[] args(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Object[] many) {
                out.addAll(java.util.Arrays.asList(many));
            } else {
                out.add(p);
            }
        }
        return out.toArray();
    }
}
