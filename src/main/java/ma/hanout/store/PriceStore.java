package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import ma.hanout.domain.Operator;
import ma.hanout.domain.Price;

/**
 * The {@code prices} table: the last price list from {@code GET /prices}, one margin per
 * operator, kept as exact decimal text so {@code 6.5} comes back as {@code 6.5}.
 */
public final class PriceStore {
    private final Database db;

    public PriceStore(Database db) {
        this.db = db;
    }

    /** Replaces the whole list with {@code prices}, fetched at {@code fetchedAt}, in one commit. */
    public void replaceAll(List<Price> prices, Instant fetchedAt) {
        Set<Operator> seen = EnumSet.noneOf(Operator.class);
        for (Price p : prices) {
            if (!seen.add(p.operator())) {
                throw new StoreException("The price list names " + p.operator().wireName() + " twice");
            }
        }
        db.write(c -> {
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM prices")) {
                delete.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO prices (operator, margin_percent, fetched_at) VALUES (?, ?, ?)")) {
                for (Price p : prices) {
                    bind(ps, p.operator().wireName(), p.marginPercent().toPlainString(), fetchedAt.toEpochMilli());
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Every known price, in the order of {@link Operator}. */
    public List<Price> all() {
        List<Price> prices = db.read(c -> {
            List<Price> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT operator, margin_percent FROM prices");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
        prices.sort(Comparator.comparing(Price::operator));
        return prices;
    }

    public Optional<Price> find(Operator operator) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT operator, margin_percent FROM prices WHERE operator = ?");
                    ResultSet rs = bind(ps, operator.wireName()).executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<Price>empty();
            }
        });
    }

    /** When the list was last fetched; empty before the first time. */
    public Optional<Instant> fetchedAt() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT max(fetched_at) AS fetched_at FROM prices");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(Sql.instant(rs, "fetched_at"));
            }
        });
    }

    private static Price map(ResultSet rs) throws SQLException {
        String wire = rs.getString("operator");
        String margin = rs.getString("margin_percent");
        Operator operator = Operator.fromWire(wire).orElseThrow(
                () -> new StoreException("A price has an unknown operator '" + wire + "' in the database"));
        try {
            return new Price(operator, new BigDecimal(margin));
        } catch (NumberFormatException e) {
            throw new StoreException("The margin of " + wire + " is not a number in the database: '" + margin + "'", e);
        }
    }
}
