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

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.Money;

/** The {@code balance_snapshots} table: every balance the API stated, for the status bar and the owner's chart. */
public final class BalanceStore {
    private static final String SELECT = """
            SELECT at, balance_centimes, credit_limit_centimes, currency, source FROM balance_snapshots
            """;

    private final Database db;

    public BalanceStore(Database db) {
        this.db = db;
    }

    public void record(BalanceSnapshot snapshot) {
        db.write(c -> {
            record(c, snapshot);
            return null;
        });
    }

    public void record(Connection c, BalanceSnapshot snapshot) throws SQLException {
        String sql = """
                INSERT INTO balance_snapshots (at, balance_centimes, credit_limit_centimes, currency, source)
                VALUES (?, ?, ?, ?, ?)
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, snapshot.at().toEpochMilli(), snapshot.balance().centimes(),
                    snapshot.creditLimit() == null ? null : snapshot.creditLimit().centimes(), snapshot.currency(),
                    snapshot.source()).executeUpdate();
        }
    }

    /** The most recent balance by the time it was stated (a late answer does not hide a newer one). */
    public Optional<BalanceSnapshot> latest() {
        List<BalanceSnapshot> last = list(SELECT + "ORDER BY at DESC, id DESC LIMIT 1");
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
    }

    /** Every balance stated at or after {@code from}, oldest first. */
    public List<BalanceSnapshot> since(Instant from) {
        return list(SELECT + "WHERE at >= ? ORDER BY at, id", from.toEpochMilli());
    }

    private List<BalanceSnapshot> list(String sql, Object... args) {
        return db.read(c -> {
            List<BalanceSnapshot> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, args).executeQuery()) {
                while (rs.next()) {
                    Long limit = Sql.nullableLong(rs, "credit_limit_centimes");
                    out.add(new BalanceSnapshot(Money.ofCentimes(rs.getLong("balance_centimes")),
                            limit == null ? null : Money.ofCentimes(limit), rs.getString("currency"),
                            Sql.instant(rs, "at"), rs.getString("source")));
                }
            }
            return out;
        });
    }
}
