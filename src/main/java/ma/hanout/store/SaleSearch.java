package ma.hanout.store;

import static ma.hanout.store.SaleRows.NEWEST_FIRST;
import static ma.hanout.store.SaleRows.SELECT;
import static ma.hanout.store.SaleRows.UNSETTLED;
import static ma.hanout.store.SaleRows.UNSETTLED_STATES;
import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleCursor;
import ma.hanout.domain.SalePage;
import ma.hanout.domain.SaleQuery;

/**
 * Finding sales in the history: search pages for the history screen and {@code hanout history},
 * the newest sales for the counter, a number's last operator. Every search walks an index in
 * newest-first order, so a page costs the same over a million sales as over ten.
 */
public final class SaleSearch {
    /**
     * From this many digits a phone prefix is searched through the phone index (its matches are
     * few: sorting them is cheap); shorter ones walk the date index (matches are dense there).
     */
    static final int PHONE_INDEX_PREFIX = 5;

    private final Database db;

    public SaleSearch(Database db) {
        this.db = db;
    }

    /**
     * One page of sales matching {@code query}, newest first, starting after {@code after}
     * (null = the first page). Keyset paging on (created_at, rowid): every page costs the same.
     */
    public SalePage search(SaleQuery query, int pageSize, SaleCursor after) {
        Sql.requirePositive(pageSize, "pageSize");
        Search search = searchFor(query, pageSize, after);
        List<SaleRows.Row> rows = db.read(c -> SaleRows.list(c, search.sql, search.args));
        if (rows.size() <= pageSize) {
            return new SalePage(SaleRows.sales(rows), null);
        }
        SaleRows.Row last = rows.get(pageSize - 1);
        return new SalePage(SaleRows.sales(rows.subList(0, pageSize)),
                new SaleCursor(last.sale().createdAt().toEpochMilli(), last.rowId()));
    }

    /**
     * SQLite's plan for {@link #search} ({@code EXPLAIN QUERY PLAN}), one step a line: for tests
     * and the bench to check that a search walks an index and never scans or sorts the table.
     */
    public String queryPlan(SaleQuery query, int pageSize, SaleCursor after) {
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

    /**
     * The operator this number was last topped up on: the last delivered sale's, else the last
     * sale's. Numbers are portable, so this beats the prefix hint.
     */
    public Optional<Operator> lastOperatorFor(Phone phone) {
        List<Sale> lastSales = db.read(c -> SaleRows.sales(SaleRows.list(c,
                SELECT + "WHERE phone = ?" + NEWEST_FIRST + " LIMIT 20", phone.national())));
        return lastSales.stream().filter(Sale::isDelivered).findFirst().or(() -> lastSales.stream().findFirst())
                .map(Sale::operator);
    }

    /** The newest sales. */
    public List<Sale> recent(int limit) {
        Sql.requirePositive(limit, "limit");
        return db.read(c -> SaleRows.sales(SaleRows.list(c, SELECT + NEWEST_FIRST + " LIMIT ?", limit)));
    }

    private record Search(String sql, Object[] args) {
    }

    private static Search searchFor(SaleQuery query, int pageSize, SaleCursor after) {
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
}
