package ma.hanout.ui.settings;

import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.ShopSession;
import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * Who may sign in: the list, a new user (name, role, PIN typed twice) and removing one. A removed
 * user's sales keep their name; the last owner cannot be removed.
 */
public final class UsersTab implements SettingsTab {
    private final I18n i18n;
    private final ShopSession session;
    private final BackgroundWork work;
    private final java.util.function.Supplier<String> actor;
    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ObjectProperty<Role> role = new SimpleObjectProperty<>(this, "role", Role.CASHIER);
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final StringProperty pinAgain = new SimpleStringProperty(this, "pinAgain", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public UsersTab(I18n i18n, ShopSession session, BackgroundWork work, java.util.function.Supplier<String> actor) {
        this.i18n = i18n;
        this.session = session;
        this.work = work;
        this.actor = actor;
        name.addListener((obs, was, now) -> problem.set(""));
        pin.addListener((obs, was, now) -> problem.set(""));
    }

    @Override
    public String titleKey() {
        return "settings.tab.users";
    }

    @Override
    public void setValues() {
        work.run(() -> session.shop().staff().active(), (List<User> list) -> users.setAll(list),
                failure -> status.set(ErrorText.of(failure, i18n)));
    }

    @Override
    public boolean validateSettings() {
        if (name.get() == null || name.get().isBlank()) {
            problem.set(i18n.get("pin.name_needed"));
            return false;
        }
        if (pin.get() == null || !pin.get().matches("[0-9]{4,8}")) {
            problem.set(i18n.get("pin.format"));
            return false;
        }
        if (!pin.get().equals(pinAgain.get())) {
            problem.set(i18n.get("pin.mismatch"));
            return false;
        }
        return true;
    }

    /** Adds the user typed in. */
    @Override
    public void storeSettings(Runnable done) {
        String n = name.get().strip();
        Role r = role.get();
        String p = pin.get();
        String who = actor.get();
        work.run(() -> session.shop().staff().add(n, r, p, who), u -> {
            name.set("");
            pin.set("");
            pinAgain.set("");
            status.set(i18n.get("settings.user_added", u.name()));
            setValues();
            done.run();
        }, failure -> {
            pin.set("");
            pinAgain.set("");
            status.set(ErrorText.of(failure, i18n));
        });
    }

    /** Stops {@code user} signing in. */
    public void remove(User user) {
        if (user == null) {
            return;
        }
        String who = actor.get();
        work.run(() -> session.shop().staff().remove(user.name(), who), u -> {
            status.set(i18n.get("settings.user_removed", u.name()));
            setValues();
        }, failure -> status.set(ErrorText.of(failure, i18n)));
    }

    public ObservableList<User> users() {
        return users;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<Role> roleProperty() {
        return role;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
