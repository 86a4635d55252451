package ma.hanout.ui.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import ma.hanout.app.ShopSession;
import ma.hanout.app.ShopSettings;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * A tab of plain settings by their documented names ({@link ShopSettings}): one text property and
 * one problem per key; only the values that changed are written (each change is audited).
 */
public class KeyedSettingsTab implements SettingsTab {
    private final String titleKey;
    protected final I18n i18n;
    protected final ShopSession session;
    protected final BackgroundWork work;
    private final List<String> keys;
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, ReadOnlyStringWrapper> problems = new LinkedHashMap<>();
    private final Map<String, String> loaded = new LinkedHashMap<>();
    protected final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final String actor;

    public KeyedSettingsTab(String titleKey, I18n i18n, ShopSession session, BackgroundWork work, String actor,
            List<String> keys) {
        this.titleKey = titleKey;
        this.i18n = i18n;
        this.session = session;
        this.work = work;
        this.actor = actor;
        this.keys = List.copyOf(keys);
        for (String k : keys) {
            StringProperty p = new SimpleStringProperty(this, k, "");
            ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, k + ".problem", "");
            p.addListener((obs, was, now) -> problem.set(problemOf(k, now)));
            values.put(k, p);
            problems.put(k, problem);
        }
    }

    @Override
    public String titleKey() {
        return titleKey;
    }

    public List<String> keys() {
        return keys;
    }

    public StringProperty value(String key) {
        return values.get(key);
    }

    public ReadOnlyStringProperty problem(String key) {
        return problems.get(key).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private String problemOf(String key, String value) {
        String p = ShopSettings.problem(key, value);
        return p == null ? "" : i18n.get("settings.bad_value", p);
    }

    @Override
    public void setValues() {
        work.run(() -> session.shop().shopSettings().values(), stored -> {
            loaded.clear();
            for (String k : keys) {
                // the language on screen is the one in use (it may come from --lang, not the setting)
                String v = k.equals(ShopSettings.LANGUAGE) ? i18n.language().code() : stored.getOrDefault(k, "");
                loaded.put(k, v);
                values.get(k).set(v);
            }
            status.set("");
        }, failure -> status.set(ErrorText.of(failure, i18n)));
    }

    @Override
    public boolean validateSettings() {
        boolean ok = true;
        for (String k : keys) {
            String p = problemOf(k, values.get(k).get());
            problems.get(k).set(p);
            ok &= p.isEmpty();
        }
        return ok;
    }

    @Override
    public void storeSettings(Runnable done) {
        Map<String, String> changed = new LinkedHashMap<>();
        for (String k : keys) {
            String v = values.get(k).get() == null ? "" : values.get(k).get().strip();
            if (!v.equals(loaded.getOrDefault(k, ""))) {
                changed.put(k, v);
            }
        }
        work.run(() -> {
            ShopSettings s = session.shop().shopSettings();
            changed.forEach((k, v) -> s.set(k, v, actor));
            return changed;
        }, c -> {
            loaded.putAll(c);
            status.set(i18n.get("settings.saved"));
            done.run();
        }, failure -> status.set(ErrorText.of(failure, i18n)));
    }

    protected String actor() {
        return actor;
    }
}
