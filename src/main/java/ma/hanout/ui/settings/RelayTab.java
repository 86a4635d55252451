package ma.hanout.ui.settings;

import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ma.hanout.app.RelayCheck;
import ma.hanout.app.ShopSession;
import ma.hanout.app.ShopSettings;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/** The relay's address and token (sealed, never shown again), with "test connection". */
public final class RelayTab extends KeyedSettingsTab {
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ReadOnlyStringWrapper tokenState = new ReadOnlyStringWrapper(this, "tokenState", "");
    private final ReadOnlyStringWrapper test = new ReadOnlyStringWrapper(this, "test", "");
    private final ReadOnlyStringWrapper testStyle = new ReadOnlyStringWrapper(this, "testStyle", "");

    public RelayTab(I18n i18n, ShopSession session, BackgroundWork work, String actor) {
        super("settings.tab.relay", i18n, session, work, actor, List.of(ShopSettings.RELAY_URL));
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ReadOnlyStringProperty tokenStateProperty() {
        return tokenState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testProperty() {
        return test.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty testStyleProperty() {
        return testStyle.getReadOnlyProperty();
    }

    @Override
    public void setValues() {
        super.setValues();
        token.set("");
        test.set("");
        work.run(() -> session.shop().shopSettings().isSaved(ShopSettings.RELAY_TOKEN),
                saved -> tokenState.set(saved ? i18n.get("settings.token_saved") : ""), failure -> { });
    }

    @Override
    public void storeSettings(Runnable done) {
        super.storeSettings(() -> {
            String t = token.get() == null ? "" : token.get().strip();
            if (t.isEmpty()) {
                done.run();
                return;
            }
            work.run(() -> {
                session.shop().shopSettings().set(ShopSettings.RELAY_TOKEN, t, actor());
                return true;
            }, ok -> {
                token.set("");
                tokenState.set(i18n.get("settings.token_saved"));
                done.run();
            }, failure -> status.set(ErrorText.of(failure, i18n)));
        });
    }

    /** Asks the relay with the typed token (or the saved one when none is typed). */
    public void testConnection() {
        String url = value(ShopSettings.RELAY_URL).get();
        String t = token.get();
        test.set("");
        work.run(() -> session.shop().checkRelay(url, t), outcome -> {
            test.set(i18n.get("settings.relay." + outcome.name().toLowerCase(java.util.Locale.ROOT)));
            testStyle.set(outcome == RelayCheck.Outcome.CONNECTED ? "ok" : "bad");
        }, failure -> test.set(ErrorText.of(failure, i18n)));
    }
}
