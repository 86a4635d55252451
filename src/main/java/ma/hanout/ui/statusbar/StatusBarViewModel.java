package ma.hanout.ui.statusbar;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import ma.hanout.domain.Environment;
import ma.hanout.engine.EngineListener;
import ma.hanout.engine.EngineStatus;
import ma.hanout.engine.SaleEngine;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * The status bar, always visible: online or not, the relay (hidden when none is configured), the
 * known balance, what waits in the queue, and the demo badge.
 */
public final class StatusBarViewModel {
    private final I18n i18n;
    private final BackgroundWork work;

    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper(this, "connection");
    private final ReadOnlyStringWrapper connectionStyle = new ReadOnlyStringWrapper(this, "connectionStyle", "state-unknown");
    private final ReadOnlyStringWrapper relay = new ReadOnlyStringWrapper(this, "relay", "");
    private final ReadOnlyBooleanWrapper relayShown = new ReadOnlyBooleanWrapper(this, "relayShown");
    private final ReadOnlyBooleanWrapper relayUp = new ReadOnlyBooleanWrapper(this, "relayUp");
    private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper(this, "balance");
    private final ReadOnlyStringWrapper queued = new ReadOnlyStringWrapper(this, "queued", "0");
    private final ReadOnlyStringWrapper held = new ReadOnlyStringWrapper(this, "held", "");
    private final ReadOnlyStringWrapper uncertain = new ReadOnlyStringWrapper(this, "uncertain", "");
    private final ReadOnlyBooleanWrapper queueAttention = new ReadOnlyBooleanWrapper(this, "queueAttention");
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(this, "demo");
    private final ReadOnlyStringWrapper mode = new ReadOnlyStringWrapper(this, "mode", "");
    private Runnable unsubscribe = () -> { };
    private final ma.hanout.ui.OfficeAccess office;
    private final ReadOnlyStringWrapper lowBalance = new ReadOnlyStringWrapper(this, "lowBalance", "");
    private ma.hanout.domain.Money lowBalanceThreshold; // null: no alert (no office, or not read yet)
    private EngineStatus last;

    public StatusBarViewModel(I18n i18n, EngineAccess engine, BackgroundWork work) {
        this(i18n, engine, work, ma.hanout.ui.OfficeAccess.none());
    }

    /** With the owner's office: the low-balance alert, under the threshold of its settings. */
    public StatusBarViewModel(I18n i18n, EngineAccess engine, BackgroundWork work, ma.hanout.ui.OfficeAccess office) {
        this.i18n = i18n;
        this.work = work;
        this.office = office;
        connection.set(i18n.get("status.starting"));
        balance.set(i18n.get("status.balance_unknown"));
        engine.whenReady(this::engineReady);
        engine.whenFailed(e -> work.onUiThread(() -> {
            connection.set(i18n.get("status.failed_to_open", ErrorText.of(e, i18n)));
            connectionStyle.set("state-bad");
        }));
    }

    private void engineReady(SaleEngine e) {
        Runnable handle = e.subscribe(new EngineListener() {
            @Override
            public void statusChanged(EngineStatus status) {
                work.onUiThread(() -> show(status));
            }
        });
        work.onUiThread(() -> unsubscribe = handle);
        work.run(e::status, this::show, failure -> connection.set(ErrorText.of(failure, i18n)));
        work.run(() -> office.await().lowBalanceThreshold(), this::useLowBalanceThreshold, failure -> { });
    }

    /** Warns in the bar whenever the known balance is under {@code threshold} (the owner's setting). */
    public void useLowBalanceThreshold(ma.hanout.domain.Money threshold) {
        lowBalanceThreshold = threshold;
        if (last != null) {
            show(last);
        }
    }

    /** Shows {@code s}; public so a screen that has just asked the engine can refresh the bar. */
    public void show(EngineStatus s) {
        last = s;
        lowBalance.set(s.balance() != null && lowBalanceThreshold != null
                && s.balance().compareTo(lowBalanceThreshold) < 0 ? i18n.get("status.low_balance") : "");
        switch (s.connectivity()) {
            case ONLINE -> {
                connection.set(i18n.get("status.online"));
                connectionStyle.set("state-good");
            }
            case OFFLINE -> {
                connection.set(i18n.get("status.offline"));
                connectionStyle.set("state-bad");
            }
            case REFUSED -> {
                String why = s.refusalCode() == null ? "" : ErrorText.ofCode(s.refusalCode(), s.refusalCode(), i18n);
                connection.set(i18n.get("status.refused", why));
                connectionStyle.set("state-bad");
            }
            default -> {
                connection.set(i18n.get("status.connecting"));
                connectionStyle.set("state-unknown");
            }
        }
        relayShown.set(s.relayConnected() != null);
        relayUp.set(Boolean.TRUE.equals(s.relayConnected()));
        relay.set(s.relayConnected() == null ? ""
                : i18n.get(s.relayConnected() ? "status.relay_connected" : "status.relay_disconnected"));
        balance.set(s.balance() == null ? i18n.get("status.balance_unknown") : s.balance().display());
        queued.set(Integer.toString(s.queued()));
        held.set(s.held() > 0 ? Integer.toString(s.held()) : "");
        uncertain.set(s.uncertain() > 0 ? Integer.toString(s.uncertain()) : "");
        queueAttention.set(s.queued() + s.uncertain() > 0);
        demo.set(s.environment() == Environment.DEMO);
        mode.set(switch (s.environment()) {
            case DEMO -> i18n.get("status.demo");
            case SANDBOX -> i18n.get("status.sandbox");
            case PRODUCTION -> "";
        });
    }

    public void dispose() {
        unsubscribe.run();
    }

    /** "Low balance" while the known balance is under the owner's threshold, else empty. */
    public ReadOnlyStringProperty lowBalanceProperty() {
        return lowBalance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    /** {@code state-good}, {@code state-bad} or {@code state-unknown}. */
    public ReadOnlyStringProperty connectionStyleProperty() {
        return connectionStyle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty relayProperty() {
        return relay.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty relayShownProperty() {
        return relayShown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty relayUpProperty() {
        return relayUp.getReadOnlyProperty();
    }

    /** The known balance as money, or "unknown". */
    public ReadOnlyStringProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    /** How many sales are not sent yet. */
    public ReadOnlyStringProperty queuedProperty() {
        return queued.getReadOnlyProperty();
    }

    /** Queued sales waiting for a person's decision; empty when none. */
    public ReadOnlyStringProperty heldProperty() {
        return held.getReadOnlyProperty();
    }

    /** Sent sales whose outcome is being checked; empty when none. */
    public ReadOnlyStringProperty uncertainProperty() {
        return uncertain.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty queueAttentionProperty() {
        return queueAttention.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    /** "DÉMO" or "SANDBOX" for the badge; empty in production. */
    public ReadOnlyStringProperty modeProperty() {
        return mode.getReadOnlyProperty();
    }
}
