package ma.hanout.store;

import static ma.hanout.store.SaleRows.NEWEST_FIRST;
import static ma.hanout.store.SaleRows.SELECT;
import static ma.hanout.store.Sql.bind;
import static ma.hanout.store.Sql.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ma.hanout.domain.Money;
import ma.hanout.domain.Sale;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The sale rows of the {@code sales} table: a sale is inserted before any byte goes to the
 * network, and every later change writes its fields back. The engine's bookkeeping columns beside
 * the sale (sent, hold, lease, checked) belong to {@link OutboxLedger}; the history search to
 * {@link SaleSearch}.
 *
 * <p>Methods taking a {@link Connection} run inside a caller's {@link Database#write}, so a sale
 * update and its timeline event commit together; the others open their own transaction.
 */
public final class SaleStore {
    private final Database db;

    public SaleStore(Database db) {
        this.db = db;
    }

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
        insertAll(c, batch, null);
    }

    /** As {@link #insertAll(Connection, List)}, each sale noted as sold by {@code cashier} (may be null). */
    public void insertAll(Connection c, List<Sale> batch, String cashier) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Sale sale : batch) {
                insert(ps, sale, cashier);
            }
        }
    }

    /** The sales among {@code references} that are on disk, by reference: one query for a whole chunk. */
    public Map<String, Sale> findAll(Connection c, Collection<String> references) throws SQLException {
        Map<String, Sale> out = new HashMap<>();
        List<String> refs = new ArrayList<>(references);
        for (int start = 0; start < refs.size(); start += 500) {
            List<String> part = refs.subList(start, Math.min(refs.size(), start + 500));
            for (SaleRows.Row r : SaleRows.list(c, SELECT + "WHERE external_reference IN (" + Sql.placeholders(part.size())
                    + ")", part.toArray())) {
                out.put(r.sale().externalReference(), r.sale());
            }
        }
        return out;
    }

    private static final String INSERT = """
            INSERT INTO sales (external_reference, phone, operator, value_centimes, promo, state, status_code,
                               ref_interne, billing_centimes, error_code, error_message, origin, attempts,
                               next_attempt_at, created_at, updated_at, executed_at, cashier, environment, account)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private static void insert(PreparedStatement ps, Sale sale, String cashier) throws SQLException {
        bind(ps, sale.externalReference(), sale.phone().national(), sale.operator().wireName(),
                sale.value().centimes(), sale.promo().type(), sale.state().name(), statusCode(sale),
                sale.refInterne(), centimes(sale.billingAmount()), sale.errorCode(), sale.errorMessage(),
                sale.origin().name(), sale.attempts(), millis(sale.nextAttemptAt()), millis(sale.createdAt()),
                millis(sale.updatedAt()), millis(sale.executedAt()), cashier, sale.environment().name(),
                sale.account().clientCode());
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
     * Writes every field of {@code sale} over its row, found by reference. The account a sale was
     * made on never changes; the engine's bookkeeping columns are left as they are.
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

    public Optional<Sale> find(String externalReference) {
        return db.read(c -> find(c, externalReference));
    }

    public Optional<Sale> find(Connection c, String externalReference) throws SQLException {
        return SaleRows.first(c, SELECT + "WHERE external_reference = ?", externalReference).map(SaleRows.Row::sale);
    }

    /** The sale the server knows as {@code refInterne} (the newest, should two ever share it). */
    public Optional<Sale> findByRefInterne(String refInterne) {
        return db.read(c -> SaleRows.first(c, SELECT + "WHERE ref_interne = ?" + NEWEST_FIRST + " LIMIT 1", refInterne)
                .map(SaleRows.Row::sale));
    }

    /** By external reference first, else by {@code ref_interne}: what a person types may be either. */
    public Optional<Sale> findByEitherReference(String reference) {
        return db.read(c -> {
            Optional<Sale> byExternal = find(c, reference);
            return byExternal.isPresent() ? byExternal : findByRefInterne(reference);
        });
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

    private static Integer statusCode(Sale sale) {
        return sale.status() == null ? null : sale.status().code();
    }

    private static Long centimes(Money m) {
        return m == null ? null : m.centimes();
    }
}
