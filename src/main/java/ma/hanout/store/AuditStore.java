package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code audit_log} table: append-only; what owners look at when money does not add up. */
public final class AuditStore {
    private final Database db;

    public AuditStore(Database db) {
        this.db = db;
    }

    /** Records an action; returns its id. */
    public long append(Instant at, String actor, String action, String detail) {
        return db.write(c -> append(c, at, actor, action, detail));
    }

    /** As {@link #append(Instant, String, String, String)}, in the caller's transaction (e.g. with the change it records). */
    public long append(Connection c, Instant at, String actor, String action, String detail) throws SQLException {
        if (actor == null || actor.isBlank() || action == null || action.isBlank()) {
            throw new IllegalArgumentException("an audit entry needs an actor and an action");
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (at, actor, action, detail) VALUES (?, ?, ?, ?)")) {
            bind(ps, at.toEpochMilli(), actor, action, detail).executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The newest entries, newest first. */
    public List<AuditEntry> recent(int limit) {
        Sql.requirePositive(limit, "limit");
        return db.read(c -> {
            List<AuditEntry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, at, actor, action, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ?");
                    ResultSet rs = bind(ps, limit).executeQuery()) {
                while (rs.next()) {
                    out.add(new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                            rs.getString("action"), rs.getString("detail")));
                }
            }
            return out;
        });
    }
}
