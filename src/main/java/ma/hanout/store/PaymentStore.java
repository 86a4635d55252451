package ma.hanout.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.domain.ReceivedPayment;

/** Table {@code payments}: payment notifications relayed to this terminal, each kept once. */
public final class PaymentStore {
    private final Database db;

    public PaymentStore(Database db) {
        this.db = db;
    }

    /** Keeps {@code p}; returns false when a payment with the same relay event id is already kept. */
    public boolean record(ReceivedPayment p) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO payments (stream_id, source, type, amount, currency, reference, status, received_at, payload)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (stream_id) DO NOTHING
                    """)) {
                ps.setString(1, p.streamId());
                ps.setString(2, p.source());
                ps.setString(3, p.type());
                ps.setString(4, p.amount() == null ? null : p.amount().toPlainString());
                ps.setString(5, p.currency());
                ps.setString(6, p.reference());
                ps.setString(7, p.status());
                ps.setLong(8, p.receivedAt().toEpochMilli());
                ps.setString(9, p.payload());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The newest {@code limit} payments, newest first. */
    public List<ReceivedPayment> recent(int limit) {
        Sql.requirePositive(limit, "limit");
        return db.read(c -> {
            List<ReceivedPayment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT stream_id, source, type, amount, currency, reference, status, received_at, payload
                    FROM payments ORDER BY received_at DESC, id DESC LIMIT ?
                    """)) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(map(rs));
                    }
                }
            }
            return out;
        });
    }

    private static ReceivedPayment map(ResultSet rs) throws SQLException {
        String amount = rs.getString(4);
        BigDecimal value;
        try {
            value = amount == null ? null : new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new StoreException("payment " + rs.getString(1) + " has an unreadable amount '" + amount + "'", e);
        }
        return new ReceivedPayment(rs.getString(1), rs.getString(2), rs.getString(3), value, rs.getString(5),
                rs.getString(6), rs.getString(7), Instant.ofEpochMilli(rs.getLong(8)), rs.getString(9));
    }
}
