package ma.hanout.ui.settings;

import java.util.List;

import ma.hanout.app.ShopSession;
import ma.hanout.app.ShopSettings;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.I18n;

/** The owner's settings screen: its tabs, each read afresh whenever the screen is shown. */
public final class SettingsViewModel {
    private final AccountTab account;
    private final KeyedSettingsTab shop;
    private final KeyedSettingsTab counter;
    private final RelayTab relay;
    private final WebhookTab webhook;
    private final UsersTab users;

    /**
     * @param engines the window's engine access at its root: a new account replaces the engine there
     * @param actor   who makes the changes, for the audit log (asked at each change)
     */
    public SettingsViewModel(I18n i18n, ShopSession session, BackgroundWork work, EngineAccess engines,
            String actor) {
        account = new AccountTab(i18n, session, work, engines, actor);
        shop = new KeyedSettingsTab("settings.tab.shop", i18n, session, work, actor, List.of(ShopSettings.SHOP_NAME,
                ShopSettings.SHOP_ADDRESS, ShopSettings.SHOP_PHONE, ShopSettings.SHOP_TAX_ID, ShopSettings.PRINTER_URI,
                ShopSettings.PAPER_WIDTH, ShopSettings.PRINT_MODE, ShopSettings.LANGUAGE));
        counter = new KeyedSettingsTab("settings.tab.counter", i18n, session, work, actor, List.of(
                ShopSettings.SALE_MAX, ShopSettings.LOW_BALANCE, ShopSettings.HOLD_AGE, ShopSettings.IDLE_LOCK));
        relay = new RelayTab(i18n, session, work, actor);
        webhook = new WebhookTab(i18n, session, work, actor);
        users = new UsersTab(i18n, session, work, () -> actor);
    }

    public List<SettingsTab> tabs() {
        return List.of(account, shop, counter, relay, webhook, users);
    }

    /** Reads every tab's stored values again (the screen came to the front). */
    public void setValues() {
        tabs().forEach(SettingsTab::setValues);
    }

    /** Validates then stores one tab; false when a field is wrong (nothing stored). */
    public boolean save(SettingsTab tab, Runnable done) {
        if (!tab.validateSettings()) {
            return false;
        }
        tab.storeSettings(done);
        return true;
    }

    public AccountTab account() {
        return account;
    }

    public KeyedSettingsTab shop() {
        return shop;
    }

    public KeyedSettingsTab counter() {
        return counter;
    }

    public RelayTab relay() {
        return relay;
    }

    public WebhookTab webhook() {
        return webhook;
    }

    public UsersTab users() {
        return users;
    }
}
