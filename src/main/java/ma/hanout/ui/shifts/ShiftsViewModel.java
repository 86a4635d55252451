package ma.hanout.ui.shifts;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.Office;
import ma.hanout.domain.Money;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftReport;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;

/**
 * Shift close: the signed-in cashier's shift at this terminal (open it; see what it has sold so
 * far; close it with the cash counted, which keeps its report for good) and the searchable list
 * of past shifts.
 */
public final class ShiftsViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final I18n i18n;
    private final OfficeAccess office;
    private final BackgroundWork work;
    private final Supplier<String> cashier;
    private final ZoneId zone;

    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper reportTitle = new ReadOnlyStringWrapper(this, "reportTitle", "");
    private final ReadOnlyObjectWrapper<Shift> lastClosed = new ReadOnlyObjectWrapper<>(this, "lastClosed");
    private final StringProperty counted = new SimpleStringProperty(this, "counted", "");
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final ObservableList<ReportLine> report = FXCollections.observableArrayList();
    private final ObservableList<Shift> shifts = FXCollections.observableArrayList();
    private Shift current;

    /** @param cashier who is signed in: whose shift this screen opens and closes */
    public ShiftsViewModel(I18n i18n, OfficeAccess office, BackgroundWork work, Supplier<String> cashier, ZoneId zone) {
        this.i18n = i18n;
        this.office = office;
        this.work = work;
        this.cashier = cashier;
        this.zone = zone;
    }

    public I18n i18n() {
        return i18n;
    }

    private record State(Optional<Shift> current, ShiftReport soFar, List<Shift> list) {
    }

    /** Reads the cashier's open shift (with what it has sold so far) and the list again. */
    public void refresh() {
        String who = cashier.get();
        String text = search.get();
        busy.set(true);
        work.run(() -> {
            Office o = office.await();
            Optional<Shift> s = o.currentShift(who);
            return new State(s, s.map(x -> o.previewShift(x, null)).orElse(null), o.shifts(text, 200));
        }, st -> {
            busy.set(false);
            current = st.current().orElse(null);
            open.set(current != null);
            if (current != null) {
                status.set(i18n.get("shift.open_since", current.cashier(), WHEN.format(current.openedAt().atZone(zone))));
                if (lastClosed.get() == null) {
                    showReport(i18n.get("shift.so_far"), st.soFar());
                }
            } else {
                status.set(i18n.get("shift.status_none", who));
            }
            shifts.setAll(st.list());
        }, this::failed);
    }

    /** Opens the signed-in cashier's shift. */
    public void openShift() {
        String who = cashier.get();
        busy.set(true);
        work.run(() -> office.await().openShift(who), s -> {
            busy.set(false);
            lastClosed.set(null);
            report.clear();
            reportTitle.set("");
            message.set(i18n.get("shift.opened", s.cashier()));
            refresh();
        }, this::failed);
    }

    /** Closes the open shift with the cash counted (blank: not counted); the report is kept for good. */
    public void closeShift() {
        if (current == null) {
            message.set(i18n.get("shift.status_none", cashier.get()));
            return;
        }
        Money cash = null;
        String text = counted.get() == null ? "" : counted.get().strip();
        if (!text.isEmpty()) {
            try {
                cash = Money.parse(text.replace(',', '.'));
            } catch (RuntimeException e) {
                message.set(i18n.get("shift.counted_invalid", text));
                return;
            }
            if (cash.isNegative()) {
                message.set(i18n.get("shift.counted_invalid", text));
                return;
            }
        }
        Money countedCash = cash;
        String who = current.cashier();
        busy.set(true);
        work.run(() -> office.await().closeShift(who, countedCash), s -> {
            busy.set(false);
            lastClosed.set(s);
            counted.set("");
            showReport(i18n.get("shift.report_of", s.cashier(), WHEN.format(s.openedAt().atZone(zone)),
                    WHEN.format(s.closedAt().atZone(zone))), s.report());
            message.set(i18n.get("shift.closed"));
            refresh();
        }, this::failed);
    }

    /** Shows the kept report of a past shift. */
    public void select(Shift s) {
        if (s != null && !s.isOpen()) {
            lastClosed.set(s);
            showReport(i18n.get("shift.report_of", s.cashier(), WHEN.format(s.openedAt().atZone(zone)),
                    WHEN.format(s.closedAt().atZone(zone))), s.report());
        }
    }

    private void showReport(String title, ShiftReport r) {
        reportTitle.set(title);
        List<ReportLine> lines = new ArrayList<>();
        lines.add(new ReportLine(i18n.get("shift.sales"), Long.toString(r.sales())));
        lines.add(new ReportLine(i18n.get("shift.successes"), Long.toString(r.successes())));
        lines.add(new ReportLine(i18n.get("shift.failures"), Long.toString(r.failures())));
        lines.add(new ReportLine(i18n.get("shift.refunds"), Long.toString(r.refunds())));
        lines.add(new ReportLine(i18n.get("shift.pending"), Long.toString(r.pending())));
        lines.add(new ReportLine(i18n.get("shift.expected"), r.expectedCash().display()));
        if (r.countedCash() != null) {
            lines.add(new ReportLine(i18n.get("shift.counted"), r.countedCash().display()));
            lines.add(new ReportLine(i18n.get("shift.difference"), r.difference().display()));
        }
        report.setAll(lines);
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set(ErrorText.of(t, i18n));
    }

    public String when(java.time.Instant t) {
        return t == null ? "" : WHEN.format(t.atZone(zone));
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTitleProperty() {
        return reportTitle.getReadOnlyProperty();
    }

    /** The shift just closed (or picked in the list), with its kept report. */
    public ReadOnlyObjectProperty<Shift> lastClosedProperty() {
        return lastClosed.getReadOnlyProperty();
    }

    public StringProperty countedProperty() {
        return counted;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObservableList<ReportLine> report() {
        return report;
    }

    public ObservableList<Shift> shifts() {
        return shifts;
    }
}
