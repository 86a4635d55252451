package ma.hanout.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import ma.hanout.api.Account;
import ma.hanout.api.ApiConfig;
import ma.hanout.api.ApiException;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Environment;
import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;

/**
 * The shop's saved API credentials: checked with {@code GET /me} before anything is saved, then
 * kept sealed in the {@link Vault}; a refusal leaves the old ones as they were. Every change is in
 * the audit log, which never holds a key or a secret.
 */
public final class Credentials {
    /** The real API, when {@code login} is given no base URL. */
    public static final String PRODUCTION_URL = "https://api.moroccotopup.com/rest/V1/recharge-api";
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(15);

    private final Database db;
    private final SettingsStore settings;
    private final Vault vault;
    private final AuditStore audit;
    private final Clock clock;

    Credentials(Database db, SettingsStore settings, Vault vault, AuditStore audit, Clock clock) {
        this.db = db;
        this.settings = settings;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    /** What is saved, without the key or secret themselves. */
    public record Saved(Environment environment, String baseUrl, String clientCode, boolean apiKeySaved,
            boolean secretSaved) {
    }

    /** The account {@code GET /me} describes, as shown after a check. */
    public record AccountSummary(String code, String name, String status) {
    }

    /** What to sign in with; {@code secret} may be null. Never printed: {@link #toString()} hides key and secret. */
    public record Login(Environment environment, String baseUrl, String clientCode, String apiKey, String secret) {
        public Login {
            if (environment == Environment.DEMO) {
                throw new DomainException("login.demo", "Demo mode needs no login: use logout to go back to it");
            }
            if (clientCode == null || clientCode.isBlank()) {
                throw new DomainException("login.client_code_missing", "A client code is needed");
            }
            if (apiKey == null || apiKey.isBlank()) {
                throw new DomainException("login.api_key_missing", "An API key is needed");
            }
            baseUrl = baseUrl == null || baseUrl.isBlank() ? PRODUCTION_URL : baseUrl.strip();
            clientCode = clientCode.strip();
            apiKey = apiKey.strip();
            secret = secret == null || secret.isBlank() ? null : secret.strip();
        }

        @Override
        public String toString() {
            return "Login[" + environment.code() + ", " + baseUrl + ", " + clientCode + "]";
        }
    }

    public Saved saved() {
        Optional<String> url = settings.get(ConnectionSettings.BASE_URL);
        String saved = settings.get(ConnectionSettings.ENVIRONMENT).orElse(null);
        Environment env = url.isEmpty() || "demo".equals(saved) ? Environment.DEMO
                : "sandbox".equals(saved) ? Environment.SANDBOX : Environment.PRODUCTION;
        return new Saved(env, url.orElse(null), settings.get(ConnectionSettings.CLIENT_CODE).orElse(null),
                vault.isSaved(ConnectionSettings.API_KEY), vault.isSaved(ConnectionSettings.SECRET));
    }

    /**
     * The last four characters of the saved key, for "saved, ends in ...1234"; empty when none is
     * saved or it cannot be read on this computer.
     */
    public Optional<String> keyEnding() {
        try {
            return vault.get(ConnectionSettings.API_KEY).map(k -> k.length() <= 8 ? "" : k.substring(k.length() - 4));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** Asks {@code GET /me} with these credentials; saves nothing. */
    public AccountSummary check(Login login) {
        ApiConfig config;
        try {
            config = new ApiConfig(login.baseUrl(), login.clientCode(), login.apiKey(),
                    login.environment() == Environment.SANDBOX, ApiConfig.DEFAULT_CONNECT_TIMEOUT, CHECK_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new DomainException("login.base_url_invalid", e.getMessage());
        }
        try {
            Account a = new MoroccoTopupClient(config).me();
            return new AccountSummary(a.code(), a.name(), a.status());
        } catch (ApiException e) {
            throw ApiRefusal.of(e);
        }
    }

    /**
     * Checks {@code login} with {@code GET /me}; on success replaces the saved credentials with
     * it (a secret not given is forgotten) and returns the account. On a refusal
     * ({@link ApiRefusal}) nothing changes but the audit log.
     */
    public AccountSummary login(Login login, String actor) {
        Saved before = saved();
        AccountSummary account;
        try {
            account = check(login);
        } catch (ApiRefusal e) {
            audit.append(clock.instant(), actor, "login.refused", "client " + login.clientCode() + ", "
                    + login.environment().code() + ": " + e.errorCode());
            throw e;
        }
        db.write(c -> {
            settings.put(ConnectionSettings.BASE_URL, login.baseUrl());
            settings.put(ConnectionSettings.ENVIRONMENT, login.environment().code());
            settings.put(ConnectionSettings.CLIENT_CODE, login.clientCode());
            vault.put(ConnectionSettings.API_KEY, login.apiKey());
            if (login.secret() == null) {
                vault.remove(ConnectionSettings.SECRET);
            } else {
                vault.put(ConnectionSettings.SECRET, login.secret());
            }
            audit.append(c, clock.instant(), actor, "login", "client " + login.clientCode() + " ("
                    + account.name() + "), " + login.environment().code() + ", " + login.baseUrl()
                    + (login.secret() == null ? ", no secret" : ", with secret"));
            if (before.environment() != login.environment()) {
                audit.append(c, clock.instant(), actor, "environment.changed",
                        before.environment().code() + " -> " + login.environment().code());
            }
            return null;
        });
        return account;
    }

    /**
     * Switches between production, sandbox and demo without forgetting the saved credentials
     * (demo keeps them for the way back). Production and sandbox need saved credentials.
     * Takes effect at the next {@link EngineHolder#reopen()}.
     */
    public void switchEnvironment(Environment to, String actor) {
        Saved before = saved();
        if (before.environment() == to) {
            return;
        }
        if (to != Environment.DEMO && (before.baseUrl() == null || !before.apiKeySaved())) {
            throw new DomainException("login.needed", "Enter the client code and API key first");
        }
        db.write(c -> {
            settings.put(ConnectionSettings.ENVIRONMENT, to.code());
            audit.append(c, clock.instant(), actor, "environment.changed", before.environment().code() + " -> "
                    + to.code());
            return null;
        });
    }

    /** Forgets the saved credentials: the next engine opens in demo mode. True when something was saved. */
    public boolean logout(String actor) {
        Saved before = saved();
        if (before.baseUrl() == null && !before.apiKeySaved() && before.clientCode() == null) {
            return false;
        }
        db.write(c -> {
            for (String k : new String[] {ConnectionSettings.BASE_URL, ConnectionSettings.ENVIRONMENT,
                ConnectionSettings.CLIENT_CODE}) {
                settings.remove(k);
            }
            vault.remove(ConnectionSettings.API_KEY);
            vault.remove(ConnectionSettings.SECRET);
            audit.append(c, clock.instant(), actor, "logout", "client " + before.clientCode() + ", "
                    + before.environment().code() + " -> demo");
            return null;
        });
        return true;
    }
}
