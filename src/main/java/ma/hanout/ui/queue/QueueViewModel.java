package ma.hanout.ui.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.engine.EngineListener;
import ma.hanout.engine.EngineStatus;
import ma.hanout.engine.SaleEngine;
import ma.hanout.domain.QueuedSale;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.DialogService;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/**
 * Sales that have not reached the server, or whose outcome is not known: offline, held for a
 * decision (too old to go on their own), being sent, uncertain. Send now or cancel, each confirmed.
 */
public final class QueueViewModel {
    private final I18n i18n;
    private final EngineAccess engine;
    private final BackgroundWork work;
    private final DialogService dialogs;
    private final Clock clock;

    private final ObservableList<QueueRow> rows = FXCollections.observableArrayList();
    private final ObservableList<QueueRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private List<QueuedSale> last = List.of();
    private boolean online = true;
    private boolean refreshing;
    private boolean refreshAgain;
    private Runnable unsubscribe = () -> { };

    public QueueViewModel(I18n i18n, EngineAccess engine, BackgroundWork work, DialogService dialogs, Clock clock) {
        this.i18n = i18n;
        this.engine = engine;
        this.work = work;
        this.dialogs = dialogs;
        this.clock = clock;
        engine.whenReady(this::engineReady);
    }

    private void engineReady(SaleEngine e) {
        Runnable handle = e.subscribe(new EngineListener() {
            @Override
            public void saleChanged(Sale sale) {
                work.onUiThread(QueueViewModel.this::refresh);
            }

            @Override
            public void statusChanged(EngineStatus status) {
                work.onUiThread(() -> {
                    online = status.online();
                    render();
                });
            }
        });
        work.onUiThread(() -> unsubscribe = handle);
        work.onUiThread(this::refresh);
    }

    /** Reads the queue again from the engine (coalesced: a burst of changes makes one read). */
    public void refresh() {
        if (refreshing) {
            refreshAgain = true;
            return;
        }
        refreshing = true;
        work.run(() -> engine.await().reads().queue(), list -> {
            refreshing = false;
            last = list;
            render();
            if (refreshAgain) {
                refreshAgain = false;
                refresh();
            }
        }, failure -> {
            refreshing = false;
            message.set(ErrorText.of(failure, i18n));
        });
    }

    /** Recomputes ages and reasons without asking the engine (the clock moved). */
    public void render() {
        rows.setAll(last.stream().map(this::row).toList());
    }

    private QueueRow row(QueuedSale q) {
        Sale s = q.sale();
        String age = Ages.of(Duration.between(s.createdAt(), clock.instant()), i18n);
        boolean cancellable = s.state() == SaleState.QUEUED && !q.sent();
        return new QueueRow(s, age, reason(q), cancellable, q.held());
    }

    private String reason(QueuedSale q) {
        Sale s = q.sale();
        if (s.state() == SaleState.SENDING) {
            return i18n.get("queue.reason.sending");
        }
        if (s.state() == SaleState.UNCERTAIN) {
            return i18n.get("queue.reason.uncertain");
        }
        if (q.held()) {
            return i18n.get("queue.reason.held");
        }
        if (!online) {
            return i18n.get("queue.reason.offline");
        }
        if (s.errorCode() != null) {
            return i18n.get("queue.reason.retry", ErrorText.ofCode(s.errorCode(), s.errorMessage(), i18n));
        }
        return i18n.get("queue.reason.waiting");
    }

    /** Sends a held or waiting sale now, after the cashier confirms. */
    public void sendNow(QueueRow row) {
        if (row == null) {
            return;
        }
        String question = i18n.get("queue.send.question", i18n.leftToRight(row.sale().phone().display()),
                row.sale().operator().displayName(), row.sale().value().display());
        if (!dialogs.confirm(i18n.get("queue.send.title"), question, i18n.get("queue.send"))) {
            return;
        }
        work.run(() -> engine.await().sendNow(row.reference()), sale -> {
            message.set(i18n.get("queue.send.done", i18n.leftToRight(sale.phone().display())));
            dialogs.notify(message.get());
            refresh();
        }, failure -> {
            dialogs.showError(i18n.get("queue.send.title"), ErrorText.of(failure, i18n));
            refresh();
        });
    }

    /** Cancels a sale that was never sent, after the cashier confirms. */
    public void cancel(QueueRow row) {
        if (row == null) {
            return;
        }
        String question = i18n.get("queue.cancel.question", i18n.leftToRight(row.sale().phone().display()),
                row.sale().operator().displayName(), row.sale().value().display());
        if (!dialogs.confirm(i18n.get("queue.cancel.title"), question, i18n.get("queue.cancel"))) {
            return;
        }
        work.run(() -> engine.await().cancel(row.reference()), sale -> {
            message.set(i18n.get("queue.cancel.done", i18n.leftToRight(sale.phone().display())));
            dialogs.notify(message.get());
            refresh();
        }, failure -> {
            dialogs.showError(i18n.get("queue.cancel.title"), ErrorText.of(failure, i18n));
            refresh();
        });
    }

    public void dispose() {
        unsubscribe.run();
    }

    public ObservableList<QueueRow> rows() {
        return rowsView;
    }

    /** The last thing done or refused, for the line under the table. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public I18n i18n() {
        return i18n;
    }
}
