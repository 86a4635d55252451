package ma.hanout.ui.settings;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ma.hanout.app.ApiRefusal;
import ma.hanout.app.ShopSession;
import ma.hanout.app.WebhookSettings;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * The API account's webhook URL and IP whitelist, read from and sent to the server
 * ({@code GET}/{@code POST /webhook}); the server's refusal is shown next to the URL.
 */
public final class WebhookTab implements SettingsTab {
    private final I18n i18n;
    private final ShopSession session;
    private final BackgroundWork work;
    private final String actor;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final StringProperty whitelist = new SimpleStringProperty(this, "whitelist", "");
    private final ReadOnlyStringWrapper urlProblem = new ReadOnlyStringWrapper(this, "urlProblem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public WebhookTab(I18n i18n, ShopSession session, BackgroundWork work, String actor) {
        this.i18n = i18n;
        this.session = session;
        this.work = work;
        this.actor = actor;
        url.addListener((obs, was, now) -> urlProblem.set(""));
    }

    @Override
    public String titleKey() {
        return "settings.tab.webhook";
    }

    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty whitelistProperty() {
        return whitelist;
    }

    /** The server's refusal of the URL, in words, with its code. */
    public ReadOnlyStringProperty urlProblemProperty() {
        return urlProblem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    @Override
    public void setValues() {
        work.run(() -> session.webhooks().current(), c -> {
            url.set(c.url() == null ? "" : c.url());
            whitelist.set(c.ipWhitelist() == null ? "" : c.ipWhitelist());
            urlProblem.set("");
            status.set("");
        }, failure -> status.set(ErrorText.of(failure, i18n)));
    }

    @Override
    public boolean validateSettings() {
        // the server is the judge of a webhook URL: its answer is shown beside the field
        return true;
    }

    @Override
    public void storeSettings(Runnable done) {
        String u = url.get() == null ? "" : url.get().strip();
        String w = whitelist.get() == null ? "" : whitelist.get().strip();
        work.run(() -> session.webhooks().update(u.isEmpty() ? null : u, w, actor), (WebhookSettings.Current c) -> {
            url.set(c.url() == null ? "" : c.url());
            whitelist.set(c.ipWhitelist() == null ? "" : c.ipWhitelist());
            status.set(i18n.get("settings.saved"));
            done.run();
        }, failure -> {
            Throwable e = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (e instanceof ApiRefusal r && r.errorCode().startsWith("WEBHOOK_URL")) {
                urlProblem.set(ErrorText.ofCode(r.code(), r.getMessage(), i18n) + " (" + r.errorCode() + ")");
                status.set(i18n.get("settings.invalid"));
            } else {
                status.set(ErrorText.of(failure, i18n));
            }
        });
    }
}
