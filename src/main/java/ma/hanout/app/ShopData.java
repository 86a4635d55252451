package ma.hanout.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;
import ma.hanout.store.UserStore;

/**
 * A shop's data folder without an engine: what {@code login}, {@code config} and {@code users}
 * need, and what the settings and PIN screens work on. Opening it starts nothing on the network.
 */
public final class ShopData implements AutoCloseable {
    private final Database database;
    private final boolean owned;
    private final SettingsStore settings;
    private final Vault vault;
    private final AuditStore audit;
    private final UserStore users;
    private final Map<String, String> env;
    private final Clock clock;

    ShopData(Database database, boolean owned, Map<String, String> env, Clock clock) {
        this.database = database;
        this.owned = owned;
        this.settings = new SettingsStore(database);
        this.vault = new Vault(settings, Vault.keyDir(env));
        this.audit = new AuditStore(database);
        this.users = new UserStore(database, clock);
        this.env = Map.copyOf(env);
        this.clock = clock;
    }

    /** Opens the data folder {@code home} (null: {@code HANOUT_HOME}, else {@code ~/.hanout}). */
    public static ShopData open(Path home, Map<String, String> env, Clock clock) {
        return new ShopData(DataFolder.open(folder(home, env), clock), true, env, clock);
    }

    static Path folder(Path home, Map<String, String> env) {
        if (home != null) {
            return home;
        }
        String h = env.get("HANOUT_HOME");
        return h != null && !h.isBlank() ? Path.of(h) : DataFolder.resolve(null);
    }

    /** Saved credentials: {@code login}, {@code logout}, the settings screen's first tab. */
    public Credentials credentials() {
        return new Credentials(database, settings, vault, audit, clock);
    }

    /** The shop's settings by their documented names ({@link ShopSettings}). */
    public ShopSettings shopSettings() {
        return new ShopSettings(database, settings, vault, audit, clock);
    }

    /** Who may sign in, and with which role. */
    public Staff staff() {
        return new Staff(database, users, audit, clock);
    }

    /** Tests the relay at {@code url} with {@code token}, or with the saved token when it is blank. Network. */
    public RelayCheck.Outcome checkRelay(String url, String token) {
        String t = token == null || token.isBlank() ? vault.get(RelayLink.TOKEN).orElse("") : token;
        return RelayCheck.check(url, t);
    }

    /** The PIN pad's check, with its lockout. */
    public PinGate pinGate() {
        return new PinGate(database, staff(), audit, clock);
    }

    Map<String, String> env() {
        return env;
    }

    @Override
    public void close() {
        if (owned) {
            database.close();
        }
    }
}
