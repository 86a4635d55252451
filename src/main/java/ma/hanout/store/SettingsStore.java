package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code settings} table: text values by key ({@code api.base_url}, {@code queue.max_age_minutes},
 * {@code printer.width}...). A typed getter returns its default when the key is absent and fails
 * clearly when the stored text is not of its type.
 */
public final class SettingsStore {
    private final Database db;

    public SettingsStore(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        checkKey(key);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM settings WHERE key = ?");
                    ResultSet rs = bind(ps, key).executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
        });
    }

    public void put(String key, String value) {
        checkKey(key);
        Objects.requireNonNull(value, () -> "setting '" + key + "' needs a value (use remove to clear it)");
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO settings (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """)) {
                return bind(ps, key, value).executeUpdate();
            }
        });
    }

    public void put(String key, long value) {
        put(key, Long.toString(value));
    }

    public void put(String key, boolean value) {
        put(key, Boolean.toString(value));
    }

    public void remove(String key) {
        checkKey(key);
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM settings WHERE key = ?")) {
                return bind(ps, key).executeUpdate();
            }
        });
    }

    /** Every setting, sorted by key. */
    public Map<String, String> all() {
        return db.read(c -> {
            Map<String, String> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT key, value FROM settings");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    public String getString(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().strip());
        } catch (NumberFormatException e) {
            throw notA("a whole number", key, v.get(), e);
        }
    }

    public long getLong(String key, long defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(v.get().strip());
        } catch (NumberFormatException e) {
            throw notA("a whole number", key, v.get(), e);
        }
    }

    /** {@code true}/{@code false} (any case), also {@code 1}/{@code 0}, {@code yes}/{@code no}. */
    public boolean getBoolean(String key, boolean defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        switch (v.get().strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes", "on":
                return true;
            case "false", "0", "no", "off":
                return false;
            default:
                throw notA("true or false", key, v.get(), null);
        }
    }

    private static StoreException notA(String what, String key, String value, Exception cause) {
        return new StoreException("The setting '" + key + "' is '" + value + "', not " + what, cause);
    }

    private static void checkKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("a setting needs a key");
        }
    }
}
