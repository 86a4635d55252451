package ma.hanout.ui.pin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.PinGate;
import ma.hanout.app.ShopData;
import ma.hanout.app.ShopSession;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.shell.Screen;

/**
 * Who is at the counter: the PIN pad at start, after idle time and on "switch user"; the first
 * owner's creation on a first production start; the owner's PIN before an owner-only screen.
 * Demo mode with nobody added opens as an owner (DESIGN section 8).
 */
public final class PinPadViewModel {
    /** What the pad is doing. */
    public enum Mode {
        /** Hidden: someone is signed in (or the shop is still opening). */
        HIDDEN,
        /** Who are you? Anyone's PIN. */
        SIGN_IN,
        /** No user yet, not in demo mode: the owner creates their name and PIN. */
        CREATE_OWNER,
        /** An owner-only screen was asked for by a cashier: an owner's PIN, or cancel. */
        OWNER_CHECK,
        /** A shift is being closed: the PIN of its cashier or of an owner, or cancel (it stays open). */
        CLOSE_CHECK
    }

    private final I18n i18n;
    private final ShopSession session;
    private final BackgroundWork work;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<Mode> mode = new ReadOnlyObjectWrapper<>(this, "mode", Mode.HIDDEN);
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final StringProperty user = new SimpleStringProperty(this, "user", "");
    private final StringProperty pin = new SimpleStringProperty(this, "pin", "");
    private final StringProperty pinAgain = new SimpleStringProperty(this, "pinAgain", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper signedInLabel = new ReadOnlyStringWrapper(this, "signedInLabel", "");
    private final ObjectProperty<ShopSession.Signed> signed = new SimpleObjectProperty<>(this, "signed");
    private final BooleanProperty owner = new SimpleBooleanProperty(this, "owner", false);
    private final ReadOnlyBooleanWrapper switchable = new ReadOnlyBooleanWrapper(this, "switchable", false);
    private Runnable pendingScreen;
    private User approvedBy;
    private String closeFor;
    private java.util.function.Consumer<String> pendingClose;

    public PinPadViewModel(I18n i18n, ShopSession session, BackgroundWork work, Clock clock) {
        this.i18n = i18n;
        this.session = session;
        this.work = work;
        this.clock = clock;
        signed.addListener((obs, was, now) -> {
            owner.set(now != null && now.owner());
            switchable.set(now != null && now.user() != null);
            signedInLabel.set(now == null ? "" : now.user() == null ? i18n.get("pin.demo_owner")
                    : i18n.get("pin.signed_in", now.user().name(), i18n.get("role." + now.user().role().code())));
        });
    }

    /**
     * Decides what the pad shows once the shop is open: the one already signed in (a window rebuilt
     * in another language), else the pad, the owner's creation, or demo mode's owner.
     */
    public void start() {
        ShopSession.Signed already = session.signedIn();
        if (already != null) {
            signed.set(already);
            mode.set(Mode.HIDDEN);
            return;
        }
        work.run(() -> {
            ShopData shop = session.shop();
            List<User> active = shop.staff().active();
            Environment env = shop.credentials().saved().environment();
            return new Start(active.stream().map(User::name).toList(), env);
        }, s -> {
            users.setAll(s.users());
            if (s.users().isEmpty() && s.environment() == Environment.DEMO) {
                accept(new ShopSession.Signed(null, true));
            } else if (s.users().isEmpty()) {
                clear();
                mode.set(Mode.CREATE_OWNER);
            } else {
                lock();
            }
        }, failure -> message.set(ErrorText.of(failure, i18n)));
    }

    private record Start(List<String> users, Environment environment) {
    }

    /** Back to the pad (switch user, idle time). Demo mode without users has nobody to lock out. */
    public void lock() {
        ShopSession.Signed now = signed.get();
        if (now != null && now.user() == null) {
            return;
        }
        session.signOut();
        approvedBy = null;
        signed.set(null);
        clear();
        if (user.get().isEmpty() && !users.isEmpty()) {
            user.set(users.get(0));
        }
        mode.set(Mode.SIGN_IN);
        refreshUsers();
    }

    private void refreshUsers() {
        work.run(() -> session.shop().staff().active().stream().map(User::name).toList(), names -> {
            String chosen = user.get();
            users.setAll(names);
            user.set(names.contains(chosen) ? chosen : names.isEmpty() ? "" : names.get(0));
        }, failure -> { });
    }

    /**
     * Asks to open {@code s}: at once when it is not owner-only or an owner is signed in; otherwise
     * the pad asks an owner's PIN first.
     */
    public void requestScreen(Screen s, Runnable open) {
        if (!s.ownerOnly() || owner.get()) {
            open.run();
            return;
        }
        pendingScreen = open;
        clear();
        mode.set(Mode.OWNER_CHECK);
        refreshUsers();
    }

    /**
     * Asks for the PIN of {@code cashier} (whose shift is closing) or of an owner; {@code approved}
     * gets the name whose PIN it was. A demo shop without users has no PIN to ask: approved at once
     * with null. A wrong PIN or a cancel never calls it.
     */
    public void requestShiftClose(String cashier, java.util.function.Consumer<String> approved) {
        ShopSession.Signed now = signed.get();
        if (now != null && now.user() == null) {
            approved.accept(null);
            return;
        }
        closeFor = cashier;
        pendingClose = approved;
        clear();
        String match = users.stream().filter(u -> u.equalsIgnoreCase(cashier)).findFirst().orElse(null);
        if (match != null) {
            user.set(match);
        }
        mode.set(Mode.CLOSE_CHECK);
        refreshUsers();
    }

    /** Whose shift the close check is for (the pad's title). */
    public String closeFor() {
        return closeFor == null ? "" : closeFor;
    }

    /** Leaves the owner check without opening the screen, or the close check without closing. */
    public void cancel() {
        if (mode.get() == Mode.OWNER_CHECK || mode.get() == Mode.CLOSE_CHECK) {
            pendingScreen = null;
            pendingClose = null;
            clear();
            mode.set(Mode.HIDDEN);
        }
    }

    /** A key of the pad. */
    public void digit(int d) {
        if (pin.get().length() < 8) {
            pin.set(pin.get() + d);
        }
    }

    public void backspace() {
        String p = pin.get();
        if (!p.isEmpty()) {
            pin.set(p.substring(0, p.length() - 1));
        }
    }

    /** Enter / OK: checks the PIN (in the background: a PIN check is slow on purpose). */
    public void submit() {
        if (busy.get()) {
            return;
        }
        Mode m = mode.get();
        if (m == Mode.CREATE_OWNER) {
            createOwner();
            return;
        }
        if (m != Mode.SIGN_IN && m != Mode.OWNER_CHECK && m != Mode.CLOSE_CHECK) {
            return;
        }
        String name = user.get();
        String p = pin.get();
        busy.set(true);
        work.run(() -> {
            PinGate gate = session.shop().pinGate();
            return m == Mode.OWNER_CHECK ? gate.signInOwner(name, p) : gate.signIn(name, p);
        }, result -> {
            busy.set(false);
            pin.set("");
            if (result instanceof PinGate.Accepted a) {
                if (m == Mode.CLOSE_CHECK) {
                    User u = a.user();
                    if (u.role() != Role.OWNER && !u.name().equalsIgnoreCase(closeFor())) {
                        message.set(i18n.get("pin.not_cashier_or_owner", closeFor()));
                        return;
                    }
                    java.util.function.Consumer<String> close = pendingClose;
                    pendingClose = null;
                    message.set("");
                    mode.set(Mode.HIDDEN);
                    if (close != null) {
                        close.accept(u.name());
                    }
                } else if (m == Mode.OWNER_CHECK) {
                    approvedBy = a.user();
                    Runnable open = pendingScreen;
                    pendingScreen = null;
                    message.set("");
                    mode.set(Mode.HIDDEN);
                    if (open != null) {
                        open.run();
                    }
                } else {
                    accept(new ShopSession.Signed(a.user(), a.user().role() == Role.OWNER));
                }
            } else if (result instanceof PinGate.Wrong w) {
                message.set(i18n.get("pin.wrong", w.triesLeft()));
            } else if (result instanceof PinGate.Locked l) {
                message.set(i18n.get("pin.locked", Math.max(1, Duration.between(clock.instant(), l.until()).toSeconds())));
            } else if (result instanceof PinGate.NotOwner) {
                message.set(i18n.get("pin.not_owner"));
            }
        }, failure -> {
            busy.set(false);
            message.set(ErrorText.of(failure, i18n));
        });
    }

    private void createOwner() {
        String name = user.get() == null ? "" : user.get().strip();
        String p = pin.get();
        if (name.isEmpty()) {
            message.set(i18n.get("pin.name_needed"));
            return;
        }
        if (!p.matches("[0-9]{4,8}")) {
            message.set(i18n.get("pin.format"));
            return;
        }
        if (!p.equals(pinAgain.get())) {
            message.set(i18n.get("pin.mismatch"));
            pinAgain.set("");
            return;
        }
        busy.set(true);
        work.run(() -> session.shop().staff().add(name, Role.OWNER, p, name), u -> {
            busy.set(false);
            users.setAll(List.of(u.name()));
            accept(new ShopSession.Signed(u, true));
        }, failure -> {
            busy.set(false);
            message.set(ErrorText.of(failure, i18n));
        });
    }

    private void accept(ShopSession.Signed who) {
        session.signIn(who);
        signed.set(who);
        clear();
        mode.set(Mode.HIDDEN);
    }

    private void clear() {
        pin.set("");
        pinAgain.set("");
        message.set("");
    }

    /** How long until the pad locks itself after the last key or click; zero: never. Background thread. */
    public Duration idleLock() {
        return Duration.ofMinutes(session.shop().shopSettings().minutes(ma.hanout.app.ShopSettings.IDLE_LOCK));
    }

    /** The name recorded on a sale: who is signed in, or null (demo mode without users). */
    public String cashierName() {
        ShopSession.Signed s = signed.get();
        return s == null ? null : s.name();
    }

    /**
     * Who answers for a sensitive change, for the audit log: the owner whose PIN opened an owner's
     * screen for a cashier, else whoever is signed in; demo mode without users is its owner.
     */
    public String actorName() {
        if (approvedBy != null) {
            return approvedBy.name() + (cashierName() == null ? "" : " (for " + cashierName() + ")");
        }
        return cashierName() != null ? cashierName() : "owner (demo)";
    }

    public Instant now() {
        return clock.instant();
    }

    public ReadOnlyObjectProperty<Mode> modeProperty() {
        return mode.getReadOnlyProperty();
    }

    public ObservableList<String> users() {
        return users;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty pinProperty() {
        return pin;
    }

    public StringProperty pinAgainProperty() {
        return pinAgain;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty signedInLabelProperty() {
        return signedInLabel.getReadOnlyProperty();
    }

    /** True when whoever is signed in may open the owner's screens. */
    public ReadOnlyBooleanProperty ownerProperty() {
        return BooleanProperty.readOnlyBooleanProperty(owner);
    }

    /** True when someone with a PIN is signed in: "switch user" has somebody to switch from. */
    public ReadOnlyBooleanProperty switchableProperty() {
        return switchable.getReadOnlyProperty();
    }

    /** Whether a sign-in is possible at all: false while the shop has no users (demo owner). */
    public boolean canSwitchUser() {
        ShopSession.Signed s = signed.get();
        return s != null && s.user() != null;
    }
}
