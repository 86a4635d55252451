package ma.hanout.ui.settings;

import java.util.concurrent.CompletableFuture;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ma.hanout.app.ApiRefusal;
import ma.hanout.app.Credentials;
import ma.hanout.app.ShopSession;
import ma.hanout.domain.Environment;
import ma.hanout.engine.SaleEngine;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * The API account: environment (production, sandbox, demo), client code, API key and secret. A
 * key is checked with {@code GET /me} before it is saved and never shown again ("saved, ends in
 * ...1234"); a refused key keeps the old one. Saving a new account or environment closes the
 * engine and opens the next one while the window stays; the screens follow.
 */
public final class AccountTab implements SettingsTab {
    private final I18n i18n;
    private final ShopSession session;
    private final BackgroundWork work;
    private final EngineAccess engines;
    private final String actor;
    private final ObjectProperty<Environment> environment = new SimpleObjectProperty<>(this, "environment",
            Environment.DEMO);
    private final StringProperty clientCode = new SimpleStringProperty(this, "clientCode", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");
    private final StringProperty apiKey = new SimpleStringProperty(this, "apiKey", "");
    private final StringProperty secret = new SimpleStringProperty(this, "secret", "");
    private final ReadOnlyStringWrapper keyState = new ReadOnlyStringWrapper(this, "keyState", "");
    private final ReadOnlyStringWrapper keyProblem = new ReadOnlyStringWrapper(this, "keyProblem", "");
    private final ReadOnlyStringWrapper account = new ReadOnlyStringWrapper(this, "account", "");
    private final ReadOnlyStringWrapper inUse = new ReadOnlyStringWrapper(this, "inUse", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private Environment stored = Environment.DEMO;

    public AccountTab(I18n i18n, ShopSession session, BackgroundWork work, EngineAccess engines, String actor) {
        this.i18n = i18n;
        this.session = session;
        this.work = work;
        this.engines = engines;
        this.actor = actor;
        apiKey.addListener((obs, was, now) -> keyProblem.set(""));
        clientCode.addListener((obs, was, now) -> keyProblem.set(""));
    }

    @Override
    public String titleKey() {
        return "settings.tab.account";
    }

    private record Loaded(Credentials.Saved saved, String ending) {
    }

    @Override
    public void setValues() {
        work.run(() -> {
            Credentials c = session.shop().credentials();
            return new Loaded(c.saved(), c.keyEnding().orElse(null));
        }, l -> {
            stored = l.saved().environment();
            environment.set(stored);
            clientCode.set(l.saved().clientCode() == null ? "" : l.saved().clientCode());
            baseUrl.set(l.saved().baseUrl() == null ? Credentials.PRODUCTION_URL : l.saved().baseUrl());
            apiKey.set("");
            secret.set("");
            keyProblem.set("");
            keyState.set(!l.saved().apiKeySaved() ? i18n.get("settings.key_none")
                    : l.ending() == null || l.ending().isEmpty() ? i18n.get("settings.key_saved_hidden")
                    : i18n.get("settings.key_saved", l.ending()));
            inUse.set(i18n.get("settings.env_now", envName(stored)));
            status.set("");
        }, failure -> status.set(ErrorText.of(failure, i18n)));
    }

    @Override
    public boolean validateSettings() {
        boolean typed = !apiKey.get().isBlank();
        if (typed && environment.get() == Environment.DEMO) {
            environment.set(Environment.PRODUCTION);
        }
        if (typed && clientCode.get().isBlank()) {
            keyProblem.set(ErrorText.ofCode("login.client_code_missing", null, i18n));
            return false;
        }
        return true;
    }

    /**
     * With a key typed: checks it with {@code GET /me}, saves it, opens the account. Without: switches
     * to the chosen environment (production and sandbox need a saved key).
     */
    @Override
    public void storeSettings(Runnable done) {
        Environment env = environment.get();
        String key = apiKey.get().strip();
        if (key.isEmpty() && env == stored) {
            done.run();
            return;
        }
        status.set(key.isEmpty() ? "" : i18n.get("settings.checking"));
        Credentials.Login login = key.isEmpty() ? null
                : new Credentials.Login(env, baseUrl.get(), clientCode.get(), key, secret.get());
        work.run(() -> {
            Credentials c = session.shop().credentials();
            if (login != null) {
                return c.login(login, actor);
            }
            c.switchEnvironment(env, actor);
            return null;
        }, (Credentials.AccountSummary a) -> {
            apiKey.set("");
            secret.set("");
            account.set(a == null ? "" : i18n.get("settings.account_ok", a.name() == null ? a.code() : a.name(),
                    a.status()));
            reopen(done);
        }, failure -> {
            Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String text = ErrorText.of(e, i18n);
            if (e instanceof ApiRefusal r) {
                text = text + " (" + r.errorCode() + ")";
                keyProblem.set(text);
            }
            status.set(text);
        });
    }

    /**
     * Closes the engine and opens the saved account's. On its own thread, not the screens' workers:
     * those may be waiting for the next engine, which this is opening.
     */
    private void reopen(Runnable done) {
        CompletableFuture<SaleEngine> next = new CompletableFuture<>();
        engines.replaceWith(next);
        Thread t = new Thread(() -> {
            try {
                SaleEngine e = session.reopen().engine();
                next.complete(e);
                work.onUiThread(() -> {
                    setValues();
                    done.run();
                });
            } catch (RuntimeException e) {
                next.completeExceptionally(e);
                work.onUiThread(() -> status.set(ErrorText.of(e, i18n)));
            }
        }, "hanout-account-switch");
        t.setDaemon(true);
        t.start();
    }

    String envName(Environment e) {
        return i18n.get("settings.env." + e.code());
    }

    public ObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public StringProperty clientCodeProperty() {
        return clientCode;
    }

    public StringProperty baseUrlProperty() {
        return baseUrl;
    }

    public StringProperty apiKeyProperty() {
        return apiKey;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public ReadOnlyStringProperty keyStateProperty() {
        return keyState.getReadOnlyProperty();
    }

    /** Why the key was refused (the server's code), beside the key field. */
    public ReadOnlyStringProperty keyProblemProperty() {
        return keyProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty accountProperty() {
        return account.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inUseProperty() {
        return inUse.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
