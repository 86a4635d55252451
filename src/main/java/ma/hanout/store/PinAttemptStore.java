package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * The {@code pin_attempts} table: wrong PINs in a row and the end of the current lockout, by scope
 * (the PIN pad as a whole is {@code *}). On disk, so closing the app does not lift a lockout.
 */
public final class PinAttemptStore {
    /** Wrong tries in a row, and until when the pad is locked ({@link Instant#EPOCH}: not locked). */
    public record Attempts(int failures, Instant lockedUntil) {
        public static final Attempts NONE = new Attempts(0, Instant.EPOCH);
    }

    private final Database db;

    public PinAttemptStore(Database db) {
        this.db = db;
    }

    public Attempts get(String scope) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT failures, locked_until FROM pin_attempts WHERE scope = ?");
                    ResultSet rs = bind(ps, scope).executeQuery()) {
                return rs.next() ? new Attempts(rs.getInt(1), Instant.ofEpochMilli(rs.getLong(2))) : Attempts.NONE;
            }
        });
    }

    public void put(String scope, Attempts a) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO pin_attempts (scope, failures, locked_until) VALUES (?, ?, ?)
                    ON CONFLICT (scope) DO UPDATE SET failures = excluded.failures, locked_until = excluded.locked_until
                    """)) {
                return bind(ps, scope, a.failures(), a.lockedUntil().toEpochMilli()).executeUpdate();
            }
        });
    }

    public void clear(String scope) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM pin_attempts WHERE scope = ?")) {
                return bind(ps, scope).executeUpdate();
            }
        });
    }
}
