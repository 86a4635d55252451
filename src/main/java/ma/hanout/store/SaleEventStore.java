package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.SaleEvent;
import ma.hanout.domain.SaleState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code sale_events} table: each sale's status timeline, as the details screen shows it.
 * Rows go when their sale goes ({@code ON DELETE CASCADE}). Use {@link #append(Connection, SaleEvent)}
 * inside {@link Database#write} to record an event in the same commit as the sale's update.
 */
public final class SaleEventStore {
    private final Database db;

    public SaleEventStore(Database db) {
        this.db = db;
    }

    /** Records {@code event}; returns its id. The sale must exist. */
    public long append(SaleEvent event) {
        return db.write(c -> append(c, event));
    }

    public long append(Connection c, SaleEvent event) throws SQLException {
        String sql = """
                INSERT INTO sale_events (external_reference, at, state, status_code, source, detail)
                VALUES (?, ?, ?, ?, ?, ?)
                """;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, event.externalReference(), event.at().toEpochMilli(),
                    event.state() == null ? null : event.state().name(),
                    event.status() == null ? null : event.status().code(), event.source(), event.detail());
            ps.executeUpdate();
        } catch (SQLiteException e) {
            if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_FOREIGNKEY) {
                throw new StoreException("No sale with reference " + event.externalReference()
                        + ": cannot record an event for it", e);
            }
            throw e;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The sale's events in the order they happened (by time, then as recorded). */
    public List<SaleEvent> timeline(String externalReference) {
        return db.read(c -> timeline(c, externalReference));
    }

    public List<SaleEvent> timeline(Connection c, String externalReference) throws SQLException {
        String sql = """
                SELECT external_reference, at, state, status_code, source, detail
                FROM sale_events WHERE external_reference = ? ORDER BY at, id
                """;
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, externalReference).executeQuery()) {
            List<SaleEvent> out = new ArrayList<>();
            while (rs.next()) {
                out.add(map(rs));
            }
            return out;
        }
    }

    private static SaleEvent map(ResultSet rs) throws SQLException {
        String ref = rs.getString("external_reference");
        String state = rs.getString("state");
        Integer status = Sql.nullableInt(rs, "status_code");
        SaleState s;
        try {
            s = state == null ? null : SaleState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new StoreException("An event of sale " + ref + " has an unknown state '" + state
                    + "' in the database (written by a newer Hanout?)", e);
        }
        return new SaleEvent(ref, Sql.instant(rs, "at"), s, status == null ? null : RechargeStatus.of(status),
                rs.getString("source"), rs.getString("detail"));
    }
}
