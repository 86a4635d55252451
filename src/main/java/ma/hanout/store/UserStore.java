package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The {@code users} table: who may sign in, with which role, and a hash of their PIN
 * ({@link PinHash}). Names are unique without regard to case: "Fatima" and "fatima" are one person.
 */
public final class UserStore {
    private static final int MAX_NAME = 40;
    private static final String SELECT = "SELECT id, name, role, active, created_at FROM users ";
    private static final String SELECT_WITH_PIN =
            "SELECT id, name, role, active, created_at, pin_hash, pin_salt, pin_iterations FROM users ";
    /** Checked against when the name is unknown, so a wrong name takes as long as a wrong PIN. */
    private static final PinHash DECOY = new PinHash(new byte[32], new byte[16], PinHash.ITERATIONS);

    private final Database db;
    private final Clock clock;

    public UserStore(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Adds an active user. The PIN is 4 to 8 digits; a name already used gives
     * {@link UserNameTakenException}.
     */
    public User create(String name, Role role, String pin) {
        String n = checkName(name);
        String p = checkPin(pin);
        PinHash hash = PinHash.of(p);
        long now = clock.millis();
        long id = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO users (name, role, active, pin_hash, pin_salt, pin_iterations, created_at)
                    VALUES (?, ?, 1, ?, ?, ?, ?)
                    """)) {
                bind(ps, n, role.name(), hash.hash(), hash.salt(), hash.iterations(), now).executeUpdate();
            } catch (SQLiteException e) {
                if (e.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE) {
                    throw new UserNameTakenException(n, e);
                }
                throw e;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return find(id).orElseThrow();
    }

    /**
     * The user when {@code name} (any case) is active and {@code pin} is theirs; empty otherwise,
     * without saying which part was wrong.
     */
    public Optional<User> verify(String name, String pin) {
        if (name == null || pin == null) {
            return Optional.empty();
        }
        String p = normalizePin(pin);
        Optional<Stored> stored = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT_WITH_PIN + "WHERE name = ?");
                    ResultSet rs = bind(ps, name.strip()).executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Stored>empty();
                }
                return Optional.of(new Stored(map(rs), new PinHash(rs.getBytes("pin_hash"), rs.getBytes("pin_salt"),
                        rs.getInt("pin_iterations"))));
            }
        });
        if (stored.isEmpty()) {
            DECOY.matches(p);
            return Optional.empty();
        }
        boolean matches = stored.get().pin.matches(p);
        return matches && stored.get().user.active() ? Optional.of(stored.get().user) : Optional.empty();
    }

    private record Stored(User user, PinHash pin) {
    }

    /** Everyone, active or not, in the order they were added. */
    public List<User> list() {
        return db.read(c -> {
            List<User> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + "ORDER BY id"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(map(rs));
                }
            }
            return out;
        });
    }

    public Optional<User> find(long id) {
        return one(SELECT + "WHERE id = ?", id);
    }

    /** By name, without regard to case. */
    public Optional<User> find(String name) {
        return name == null ? Optional.empty() : one(SELECT + "WHERE name = ?", name.strip());
    }

    /** Lets a user sign in again, or stops them; their sales and PIN are kept. */
    public void setActive(long id, boolean active) {
        updateOne(id, "UPDATE users SET active = ? WHERE id = ?", active ? 1 : 0, id);
    }

    /** Replaces a user's PIN (4 to 8 digits). */
    public void changePin(long id, String newPin) {
        PinHash hash = PinHash.of(checkPin(newPin));
        updateOne(id, "UPDATE users SET pin_hash = ?, pin_salt = ?, pin_iterations = ? WHERE id = ?", hash.hash(),
                hash.salt(), hash.iterations(), id);
    }

    private void updateOne(long id, String sql, Object... args) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (bind(ps, args).executeUpdate() == 0) {
                    throw new StoreException("No user with id " + id);
                }
            }
            return null;
        });
    }

    private Optional<User> one(String sql, Object arg) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = bind(ps, arg).executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.<User>empty();
            }
        });
    }

    private static User map(ResultSet rs) throws SQLException {
        String role = rs.getString("role");
        try {
            return new User(rs.getLong("id"), rs.getString("name"), Role.valueOf(role), rs.getInt("active") != 0,
                    Sql.instant(rs, "created_at"));
        } catch (IllegalArgumentException e) {
            throw new StoreException("User " + rs.getString("name") + " has an unknown role '" + role
                    + "' in the database", e);
        }
    }

    private static String checkName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new DomainException("user.name_empty", "A user needs a name");
        }
        if (n.length() > MAX_NAME) {
            throw new DomainException("user.name_too_long", "A user name has at most " + MAX_NAME + " characters");
        }
        return n;
    }

    /** 4 to 8 digits; Arabic-Indic digits from an Arabic keyboard count as digits. */
    private static String checkPin(String pin) {
        String p = pin == null ? "" : normalizePin(pin);
        if (!p.matches("[0-9]{4,8}")) {
            throw new DomainException("pin.invalid", "A PIN has 4 to 8 digits");
        }
        return p;
    }

    private static String normalizePin(String pin) {
        StringBuilder out = new StringBuilder(pin.length());
        for (int i = 0; i < pin.length(); i++) {
            char c = pin.charAt(i);
            out.append(Character.isDigit(c) ? (char) ('0' + Character.digit(c, 10)) : c);
        }
        return out.toString();
    }
}
