package ma.hanout.app;

import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;

/**
 * The shop's settings by their documented names (README, "Settings keys"): validated on the way
 * in, with their defaults on the way out. Read fresh from the database on every call, so a
 * {@code config set} made while the app is open is seen at the next read. Secret settings
 * ({@link Vault#SECRET_KEYS}) are sealed and never returned by {@link #values()}.
 */
public final class ShopSettings {
    /** One documented setting: its name, its default (null: none) and its check (a problem, or null when fine). */
    public record Key(String name, String defaultValue, boolean secret, Function<String, String> problem) {
    }

    public static final String SHOP_NAME = "shop.name";
    public static final String SHOP_ADDRESS = "shop.address";
    public static final String SHOP_PHONE = "shop.phone";
    public static final String SHOP_TAX_ID = "shop.tax_id";
    public static final String PRINTER_URI = "printer.uri";
    public static final String PAPER_WIDTH = "printer.paper_width";
    public static final String PRINT_MODE = "receipt.print_mode";
    public static final String LOW_BALANCE = "low_balance.threshold";
    public static final String SALE_MAX = "sale.max_value";
    public static final String RELAY_URL = RelayLink.URL;
    public static final String RELAY_TOKEN = RelayLink.TOKEN;
    public static final String HOLD_AGE = "offline.hold_age";
    public static final String IDLE_LOCK = "lock.idle_minutes";
    public static final String LANGUAGE = DataFolder.LANGUAGE;

    /** Every documented key, in the order {@code config} shows them. */
    public static final List<Key> KEYS = List.of(
            new Key(SHOP_NAME, null, false, ShopSettings::line),
            new Key(SHOP_ADDRESS, null, false, ShopSettings::line),
            new Key(SHOP_PHONE, null, false, ShopSettings::line),
            new Key(SHOP_TAX_ID, null, false, ShopSettings::line),
            new Key(PRINTER_URI, null, false, ShopSettings::printer),
            new Key(PAPER_WIDTH, "80", false, v -> oneOf(v, "58", "80")),
            new Key(PRINT_MODE, "ask", false, v -> oneOf(v, "always", "ask", "never")),
            new Key(Receipts.DRAWER_KICK, "false", false, v -> oneOf(v, "true", "false")), // receipt: cash drawer pulse
            new Key(LOW_BALANCE, "100", false, v -> mad(v, false)),
            new Key(SALE_MAX, "10000", false, v -> mad(v, true)),
            new Key(RELAY_URL, null, false, ShopSettings::httpUrl),
            new Key(RELAY_TOKEN, null, true, ShopSettings::line),
            new Key(HOLD_AGE, "60", false, v -> wholeNumber(v, 1, 7 * 24 * 60)),
            new Key(IDLE_LOCK, "5", false, v -> wholeNumber(v, 0, 24 * 60)),
            new Key(LANGUAGE, "fr", false, v -> Language.fromCode(v).isPresent() ? null : "must be fr, ar, en or es"));

    private final Database db;
    private final SettingsStore settings;
    private final Vault vault;
    private final AuditStore audit;
    private final Clock clock;

    ShopSettings(Database db, SettingsStore settings, Vault vault, AuditStore audit, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    public static Optional<Key> key(String name) {
        return KEYS.stream().filter(k -> k.name().equals(name)).findFirst();
    }

    /**
     * What is wrong with {@code value} for {@code name} (null when it may be stored); an empty value
     * is always fine: it clears the setting back to its default.
     */
    public static String problem(String name, String value) {
        Key k = known(name);
        return value == null || value.isBlank() ? null : k.problem().apply(value.strip());
    }

    /** Each non-secret setting's value (its default when unset; absent when unset without a default). */
    public Map<String, String> values() {
        Map<String, String> stored = settings.all();
        Map<String, String> out = new LinkedHashMap<>();
        for (Key k : KEYS) {
            if (!k.secret()) {
                String v = stored.getOrDefault(k.name(), k.defaultValue());
                if (v != null) {
                    out.put(k.name(), v);
                }
            }
        }
        return out;
    }

    /** One non-secret setting, or its default. */
    public Optional<String> get(String name) {
        Key k = known(name);
        if (k.secret()) {
            throw new DomainException("setting.secret", name + " is a secret: it is never read back");
        }
        return settings.get(name).or(() -> Optional.ofNullable(k.defaultValue()));
    }

    public boolean isSaved(String name) {
        return settings.get(known(name).name()).isPresent();
    }

    /** A whole number of minutes, or the default; a damaged stored value falls back to the default. */
    public int minutes(String name) {
        try {
            return Integer.parseInt(get(name).orElseThrow().strip());
        } catch (RuntimeException e) {
            return Integer.parseInt(known(name).defaultValue());
        }
    }

    /**
     * Stores {@code value} (empty: back to the default) after checking it; a secret is sealed.
     * Throws {@link DomainException} {@code setting.unknown} or {@code setting.invalid}.
     */
    public void set(String name, String value, String actor) {
        Key k = known(name);
        String v = value == null ? "" : value.strip();
        String problem = problem(name, v);
        if (problem != null) {
            throw new DomainException("setting.invalid", "Bad value for " + name + ": " + problem);
        }
        String normalized = v.isEmpty() ? null : normalize(k, v);
        db.write(c -> {
            String before = k.secret() ? null : settings.get(name).orElse(null);
            if (normalized == null) {
                settings.remove(name);
            } else if (k.secret()) {
                vault.put(name, normalized);
            } else {
                settings.put(name, normalized);
            }
            String detail = k.secret() ? name + (normalized == null ? " removed" : " replaced")
                    : name + ": " + (before == null ? "(default)" : before) + " -> "
                            + (normalized == null ? "(default)" : normalized);
            audit.append(c, clock.instant(), actor, "settings.changed", detail);
            return null;
        });
    }

    private static String normalize(Key k, String v) {
        if (k.name().equals(LOW_BALANCE) || k.name().equals(SALE_MAX)) {
            return Money.parse(v).toMad().toPlainString();
        }
        if (k.name().equals(LANGUAGE)) {
            return Language.fromCode(v).orElseThrow().code();
        }
        return v;
    }

    private static Key known(String name) {
        return key(name).orElseThrow(() -> new DomainException("setting.unknown", "Unknown setting '" + name
                + "'; the settings are: " + String.join(", ", KEYS.stream().map(Key::name).toList())));
    }

    private static String line(String v) {
        if (v.length() > 200) {
            return "at most 200 characters";
        }
        return v.chars().anyMatch(Character::isISOControl) ? "one line of text, without control characters" : null;
    }

    private static String oneOf(String v, String... allowed) {
        return List.of(allowed).contains(v) ? null : "must be " + String.join(" or ", allowed);
    }

    private static String mad(String v, boolean positive) {
        try {
            Money m = Money.parse(v);
            if (m.isNegative() || (positive && !m.isPositive())) {
                return positive ? "must be an amount above 0 MAD" : "must be an amount of 0 MAD or more";
            }
            return null;
        } catch (DomainException e) {
            return "must be an amount in MAD, like 100 or 99.50";
        }
    }

    private static String wholeNumber(String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            return n >= min && n <= max ? null : "must be a whole number from " + min + " to " + max;
        } catch (NumberFormatException e) {
            return "must be a whole number from " + min + " to " + max;
        }
    }

    private static String httpUrl(String v) {
        try {
            URI u = URI.create(v);
            if (("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null) {
                return null;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        return "must be an http:// or https:// URL";
    }

    /** {@code tcp://HOST:PORT} (a network printer), else a system printer's name or a file path. */
    private static String printer(String v) {
        if (v.startsWith("tcp://")) {
            try {
                URI u = URI.create(v);
                if (u.getHost() != null && u.getPort() > 0 && u.getPort() <= 65535
                        && (u.getPath() == null || u.getPath().isEmpty())) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                // below
            }
            return "a network printer is tcp://HOST:PORT";
        }
        return line(v);
    }
}
