package ma.hanout.store;

import static ma.hanout.store.Sql.bind;
import static ma.hanout.store.Sql.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code sales} table: the outbox (what the engine still has to send or settle) and the
 * history cache in one. A sale is inserted before any byte goes to the network; the columns
 * beside the {@link Sale} itself ({@code sent_at}, {@code hold}, the lease, {@code checked_at})
 * belong to the engine's bookkeeping and only change through their own methods.
 *
 * <p>Methods taking a {@link Connection} run inside a caller's {@link Database#write}, so a sale
 * update and its timeline event commit together; the others open their own transaction.
 */
public final class SaleStore {
    /** Repeats the partial index's term word for word: SQLite uses the index only then. */
    static final String UNSETTLED = "state IN ('QUEUED', 'SENDING', 'UNCERTAIN')";
    private static final Set<SaleState> UNSETTLED_STATES = EnumSet.of(SaleState.QUEUED, SaleState.SENDING,
            SaleState.UNCERTAIN);

    /**
     * From this many digits a phone prefix is searched through the phone index (its matches are
     * few: sorting them is cheap); shorter ones walk the date index (matches are dense there).
     */
    static final int PHONE_INDEX_PREFIX = 5;

    private static final String SELECT = """
            SELECT rowid, external_reference, phone, operator, value_centimes, promo, state, status_code,
                   ref_interne, billing_centimes, error_code, error_message, origin, attempts, next_attempt_at,
                   created_at, updated_at, executed_at, sent_at, hold
            FROM sales
            """;
    private static final String NEWEST_FIRST = " ORDER BY created_at DESC, rowid DESC";
    private static final String OLDEST_FIRST = " ORDER BY created_at, rowid";

    private final Database db;

    public SaleStore(Database db) {
        this.db = db;
    }

    // ---------------------------------------------------------------- writing the sale

    /** Puts a new sale on disk; throws {@link DuplicateSaleException} if its reference exists. */
    public void insert(Sale sale) {
        insert(sale, null);
    }

    /** As {@link #insert(Sale)}, noting who sold it. */
    public void insert(Sale sale, String cashier) {
        db.write(c -> {
            insert(c, sale, cashier);
            return null;
        });
    }

    public void insert(Connection c, Sale sale, String cashier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            insert(ps, sale, cashier);
        }
    }

    /**
     * Inserts many sales through one prepared statement, in the caller's transaction: for
     * history sync adopting sales made elsewhere, and for filling benchmark databases.
     */
    public void insertAll(Connection c, List<Sale> batch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Sale sale : batch) {
                insert(ps, sale, null);
            }
        }
    }

    private static final String INSERT = """
            INSERT INTO sales (external_reference, phone, operator, value_centimes, promo, state, status_code,
                               ref_interne, billing_centimes, error_code, error_message, origin, attempts,
                               next_attempt_at, created_at, updated_at, executed_at, cashier)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static void insert(PreparedStatement ps, Sale sale, String cashier) throws SQLException {
        bind(ps, sale.externalReference(), sale.phone().national(), sale.operator().wireName(),
                sale.value().centimes(), sale.promo().type(), sale.state().name(), statusCode(sale),
                sale.refInterne(), centimes(sale.billingAmount()), sale.errorCode(), sale.errorMessage(),
                sale.origin().name(), sale.attempts(), millis(sale.nextAttemptAt()), millis(sale.createdAt()),
                millis(sale.updatedAt()), millis(sale.executedAt()), cashier);
        try {
            ps.executeUpdate();
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY) {
                throw new DuplicateSaleException(sale.externalReference(), e);
            }
            throw e;
        }
    }

    /**
     * Writes every field of {@code sale} over its row, found by reference. The engine's
     * bookkeeping columns (sent_at, hold, lease, cashier, checked_at) are left as they are.
     */
    public void update(Sale sale) {
        db.write(c -> {
            update(c, sale);
            return null;
        });
    }

    public void update(Connection c, Sale sale) throws SQLException {
        String sql = """
                UPDATE sales SET phone = ?, operator = ?, value_centimes = ?, promo = ?, state = ?, status_code = ?,
                                 ref_interne = ?, billing_centimes = ?, error_code = ?, error_message = ?,
                                 origin = ?, attempts = ?, next_attempt_at = ?, created_at = ?, updated_at = ?,
                                 executed_at = ?
                WHERE external_reference = ?
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, sale.phone().national(), sale.operator().wireName(), sale.value().centimes(),
                    sale.promo().type(), sale.state().name(), statusCode(sale), sale.refInterne(),
                    centimes(sale.billingAmount()), sale.errorCode(), sale.errorMessage(), sale.origin().name(),
                    sale.attempts(), millis(sale.nextAttemptAt()), millis(sale.createdAt()),
                    millis(sale.updatedAt()), millis(sale.executedAt()), sale.externalReference());
            if (ps.executeUpdate() == 0) {
                throw new StoreException("No sale with reference " + sale.externalReference() + " to update");
            }
        }
    }

    // ---------------------------------------------------------------- finding one sale

    public Optional<Sale> find(String externalReference) {
        return db.read(c -> find(c, externalReference));
    }

    public Optional<Sale> find(Connection c, String externalReference) throws SQLException {
        return first(c, SELECT + "WHERE external_reference = ?", externalReference).map(Row::sale);
    }

    /** The sale the server knows as {@code refInterne} (the newest, should two ever share it). */
    public Optional<Sale> findByRefInterne(String refInterne) {
        return db.read(c -> first(c, SELECT + "WHERE ref_interne = ?" + NEWEST_FIRST + " LIMIT 1", refInterne)
                .map(Row::sale));
    }

    /** By external reference first, else by {@code ref_interne}: what a person types may be either. */
    public Optional<Sale> findByEitherReference(String reference) {
        return db.read(c -> {
            Optional<Sale> byExternal = find(c, reference);
            return byExternal.isPresent() ? byExternal : findByRefInterne(reference);
        });
    }

    // ---------------------------------------------------------------- the engine's bookkeeping

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

    /** Every lease held, live or not: the engine frees those of processes that are gone. */
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

    /** Sales in {@code state} that are not settled (QUEUED, SENDING or UNCERTAIN), oldest first. */
    public List<Sale> byState(SaleState state) {
        if (!UNSETTLED_STATES.contains(state)) {
            throw new IllegalArgumentException("byState lists unsettled states only, not " + state);
        }
        return db.read(c -> sales(list(c, SELECT + "WHERE " + UNSETTLED + " AND state = ?" + OLDEST_FIRST, state.name())));
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

    /** Who sold it, when known. */
    public Optional<String> cashierOf(String externalReference) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT cashier FROM sales WHERE external_reference = ?")) {
                try (ResultSet rs = bind(ps, externalReference).executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    // ---------------------------------------------------------------- what the engine works on

    /**
     * Sales the worker may send now: queued or uncertain, not held, due ({@code next_attempt_at}
     * passed), and not leased by anyone (or the lease expired). Oldest first.
     */
    public List<Sale> dueForSend(Instant now, int limit) {
        Sql.requirePositive(limit, "limit");
        long ms = now.toEpochMilli();
        return db.read(c -> sales(list(c, DUE_FOR_SEND, ms, ms, limit)));
    }

    static final String DUE_FOR_SEND = SELECT + "WHERE " + UNSETTLED + """
             AND state IN ('QUEUED', 'UNCERTAIN') AND hold = 0
              AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
              AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until <= ?)
            """ + OLDEST_FIRST + " LIMIT ?";

    /** Everything not yet settled (queued, sending, uncertain), oldest first, with the outbox flags. */
    public List<QueuedSale> unsettled() {
        return db.read(c -> {
            List<QueuedSale> out = new ArrayList<>();
            for (Row r : list(c, SELECT + "WHERE " + UNSETTLED + OLDEST_FIRST)) {
                out.add(new QueuedSale(r.sale, r.held, r.sent));
            }
            return out;
        });
    }

    /**
     * Accepted sales whose server status may still change (none yet, or not one of
     * {@code finalCodes}), created after {@code since}; least recently checked first.
     */
    public List<Sale> watchList(Set<Integer> finalCodes, Instant since, int limit) {
        Sql.requirePositive(limit, "limit");
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append("WHERE state = 'ACCEPTED' AND created_at > ?");
        args.add(since.toEpochMilli());
        if (!Sql.isEmpty(finalCodes)) {
            sql.append(" AND (status_code IS NULL OR status_code NOT IN (")
                    .append(Sql.placeholders(finalCodes.size())).append("))");
            args.addAll(finalCodes);
        }
        // never checked (NULL) sorts first, then the newest: a fresh sale is the one a cashier waits on
        sql.append(" ORDER BY checked_at, created_at DESC LIMIT ?");
        args.add(limit);
        return db.read(c -> sales(list(c, sql.toString(), args.toArray())));
    }

    public long countByState(SaleState state) {
        // an unsettled state counts through the small partial index; the others scan
        String sql = "SELECT count(*) FROM sales WHERE state = ?"
                + (UNSETTLED_STATES.contains(state) ? " AND " + UNSETTLED : "");
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, state.name()).executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * The operator this number was last topped up on: the last delivered sale's, else the last
     * sale's. Numbers are portable, so this beats the prefix hint.
     */
    public Optional<Operator> lastOperatorFor(Phone phone) {
        List<Sale> lastSales = db.read(c -> sales(list(c, SELECT + "WHERE phone = ?" + NEWEST_FIRST + " LIMIT 20",
                phone.national())));
        return lastSales.stream().filter(Sale::isDelivered).findFirst().or(() -> lastSales.stream().findFirst())
                .map(Sale::operator);
    }

    /** The newest sales. */
    public List<Sale> recent(int limit) {
        Sql.requirePositive(limit, "limit");
        return db.read(c -> sales(list(c, SELECT + NEWEST_FIRST + " LIMIT ?", limit)));
    }

    // ---------------------------------------------------------------- history search

    /**
     * One page of sales matching {@code query}, newest first, starting after {@code after}
     * (null = the first page). Keyset paging on (created_at, rowid): every page costs the same.
     */
    public SalePage search(SaleQuery query, int pageSize, Cursor after) {
        Sql.requirePositive(pageSize, "pageSize");
        Search search = searchFor(query, pageSize, after);
        List<Row> rows = db.read(c -> list(c, search.sql, search.args));
        if (rows.size() <= pageSize) {
            return new SalePage(sales(rows), null);
        }
        Row last = rows.get(pageSize - 1);
        return new SalePage(sales(rows.subList(0, pageSize)),
                new Cursor(last.sale.createdAt().toEpochMilli(), last.rowId));
    }

    /**
     * SQLite's plan for {@link #search} ({@code EXPLAIN QUERY PLAN}), one step a line: for tests
     * and the bench to check that a search walks an index and never scans or sorts the table.
     */
    public String queryPlan(SaleQuery query, int pageSize, Cursor after) {
        Search search = searchFor(query, pageSize, after);
        return queryPlan(search.sql, search.args);
    }

    String queryPlan(String sql, Object... args) {
        return db.read(c -> {
            StringBuilder plan = new StringBuilder();
            try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql);
                    ResultSet rs = bind(ps, args).executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString("detail")).append('\n');
                }
            }
            return plan.toString();
        });
    }

    private record Search(String sql, Object[] args) {
    }

    private static Search searchFor(SaleQuery query, int pageSize, Cursor after) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (query.phone() != null) {
            if (query.phoneIsWhole()) {
                where.add("phone = ?");
            } else if (query.phone().length() >= PHONE_INDEX_PREFIX) {
                where.add("phone >= ? AND phone < ?");
            } else {
                // A short prefix ("0661") matches many sales: walking the date index and filtering
                // fills a page sooner than sorting every match. The unary + keeps the planner off
                // the phone index.
                where.add("+phone >= ? AND +phone < ?");
            }
            args.add(query.phone());
            if (!query.phoneIsWhole()) {
                args.add(prefixEnd(query.phone()));
            }
        }
        if (query.reference() != null) {
            where.add("((external_reference >= ? AND external_reference < ?) OR (ref_interne >= ? AND ref_interne < ?))");
            String end = prefixEnd(query.reference());
            args.addAll(List.of(query.reference(), end, query.reference(), end));
        }
        if (query.from() != null) {
            where.add("created_at >= ?");
            args.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            where.add("created_at < ?");
            args.add(query.to().toEpochMilli());
        }
        if (!query.states().isEmpty()) {
            where.add("state IN (" + Sql.placeholders(query.states().size()) + ")");
            query.states().forEach(s -> args.add(s.name()));
            if (UNSETTLED_STATES.containsAll(query.states())) {
                where.add(UNSETTLED);
            }
        }
        if (!query.statusCodes().isEmpty()) {
            where.add("status_code IN (" + Sql.placeholders(query.statusCodes().size()) + ")");
            args.addAll(query.statusCodes());
        }
        if (query.operator() != null) {
            where.add("operator = ?");
            args.add(query.operator().wireName());
        }
        if (after != null) {
            // the first term bounds the index range; the second breaks ties within one millisecond
            where.add("created_at <= ? AND (created_at < ? OR rowid < ?)");
            args.addAll(List.of(after.createdAtMillis(), after.createdAtMillis(), after.rowId()));
        }
        args.add(pageSize + 1);
        String sql = SELECT + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)) + NEWEST_FIRST
                + " LIMIT ?";
        return new Search(sql, args.toArray());
    }

    /** The first string after every string that starts with {@code prefix}, in SQLite's binary order. */
    private static String prefixEnd(String prefix) {
        return prefix + Character.toString(Character.MAX_CODE_POINT);
    }

    // ---------------------------------------------------------------- rows

    /** A sale as read, with what the outbox keeps beside it. */
    private record Row(long rowId, Sale sale, boolean held, boolean sent) {
    }

    private static Row map(ResultSet rs) throws SQLException {
        String ref = rs.getString("external_reference");
        try {
            Integer status = Sql.nullableInt(rs, "status_code");
            Long billing = Sql.nullableLong(rs, "billing_centimes");
            Sale sale = new Sale(ref, new Phone(rs.getString("phone")), operator(ref, rs.getString("operator")),
                    Money.ofCentimes(rs.getLong("value_centimes")), new Promo(rs.getInt("promo")),
                    enumValue(SaleState.class, ref, "state", rs.getString("state")),
                    status == null ? null : RechargeStatus.of(status), rs.getString("ref_interne"),
                    billing == null ? null : Money.ofCentimes(billing), rs.getString("error_code"),
                    rs.getString("error_message"), enumValue(Sale.Origin.class, ref, "origin", rs.getString("origin")),
                    rs.getInt("attempts"), Sql.instant(rs, "next_attempt_at"), Sql.instant(rs, "created_at"),
                    Sql.instant(rs, "updated_at"), Sql.instant(rs, "executed_at"));
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

    private static List<Row> list(Connection c, String sql, Object... args) throws SQLException {
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

    private static Optional<Row> first(Connection c, String sql, Object... args) throws SQLException {
        List<Row> rows = list(c, sql, args);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    private static List<Sale> sales(List<Row> rows) {
        List<Sale> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(r.sale));
        return out;
    }

    private static boolean flag(Connection c, String sql, String externalReference) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, externalReference).executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("No sale with reference " + externalReference);
            }
            return rs.getInt(1) != 0;
        }
    }

    private static void updateOne(Connection c, String sql, String externalReference, Object... args)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (bind(ps, args).executeUpdate() == 0) {
                throw new StoreException("No sale with reference " + externalReference);
            }
        }
    }

    private static Integer statusCode(Sale sale) {
        return sale.status() == null ? null : sale.status().code();
    }

    private static Long centimes(Money m) {
        return m == null ? null : m.centimes();
    }
}
