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
import ma.hanout.app.Receipts;
import ma.hanout.app.ShiftSlips;
import ma.hanout.domain.Money;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftReport;
import ma.hanout.receipt.PrintFailure;
import ma.hanout.receipt.ReceiptFormat;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;
import ma.hanout.ui.exports.FileChoice;
import ma.hanout.ui.receipt.ReceiptAccess;

/**
 * Shift close: the signed-in cashier's shift at this terminal (open it; see what it has sold so
 * far; close it with the cash counted, which keeps its report for good) and the searchable list
 * of past shifts. A closed shift's report prints on the receipt printer or saves as PDF. Closing
 * asks for a PIN first ({@link CloseApproval}): the cashier's own or an owner's.
 */
public final class ShiftsViewModel {
    /**
     * Allows a close: asks for the PIN of {@code cashier} or of an owner and, when it is right,
     * calls {@code approved} with the name whose PIN it was (null: nobody to ask, as in a demo shop
     * without users). A wrong PIN or a cancel never calls it: the shift stays open.
     */
    @FunctionalInterface
    public interface CloseApproval {
        void ask(String cashier, java.util.function.Consumer<String> approved);

        /** No PIN (a window without a session, a demo shop without users). */
        CloseApproval NONE = (cashier, approved) -> approved.accept(null);
    }

    /** Where the report prints and where it is saved; absent parts hide their buttons. */
    public record Printing(ReceiptAccess receipts, FileChoice pdfFile) {
        public static final Printing NONE = new Printing(ReceiptAccess.unavailable(), null);
    }

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
    private final Printing printing;
    private final CloseApproval approval;
    private final boolean ownOnly;

    /** @param cashier who is signed in: whose shift this screen opens and closes */
    public ShiftsViewModel(I18n i18n, OfficeAccess office, BackgroundWork work, Supplier<String> cashier, ZoneId zone) {
        this(i18n, office, work, cashier, zone, Printing.NONE, CloseApproval.NONE, false);
    }

    /**
     * @param ownOnly the cashier's own screen: the list holds only {@code cashier}'s shifts (the
     *                owner's office lists everyone's)
     */
    public ShiftsViewModel(I18n i18n, OfficeAccess office, BackgroundWork work, Supplier<String> cashier, ZoneId zone,
            Printing printing, CloseApproval approval, boolean ownOnly) {
        this.i18n = i18n;
        this.office = office;
        this.work = work;
        this.cashier = cashier;
        this.zone = zone;
        this.printing = printing;
        this.approval = approval;
        this.ownOnly = ownOnly;
    }

    /** Whether this window can print and save reports (it has the receipts service). */
    public boolean canPrint() {
        return printing.receipts().isAvailable();
    }

    public I18n i18n() {
        return i18n;
    }

    private record State(Optional<Shift> current, ShiftReport soFar, List<Shift> list) {
    }

    /**
     * A cashier's name as the screen shows it: the demo shop's nameless owner
     * ({@link Shift#NAMELESS_OWNER}, what the database keeps) in the screen's language.
     */
    public String shown(String cashierName) {
        return Shift.NAMELESS_OWNER.equals(cashierName) ? i18n.get("role.owner") : cashierName;
    }

    /** Reads the cashier's open shift (with what it has sold so far) and the list again. */
    public void refresh() {
        String who = cashier.get();
        String text = search.get();
        busy.set(true);
        work.run(() -> {
            Office o = office.await();
            Optional<Shift> s = o.currentShift(who);
            List<Shift> list = o.shifts(ownOnly ? who : text, 200);
            if (ownOnly) {
                // the search reads "contains": keep exactly this cashier's shifts, and the typed text
                String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
                list = list.stream().filter(x -> x.cashier().equalsIgnoreCase(who))
                        .filter(x -> t.isEmpty() || x.terminal().toLowerCase(java.util.Locale.ROOT).contains(t)
                                || x.cashier().toLowerCase(java.util.Locale.ROOT).contains(t))
                        .toList();
            }
            return new State(s, s.map(x -> o.previewShift(x, null)).orElse(null), list);
        }, st -> {
            busy.set(false);
            current = st.current().orElse(null);
            open.set(current != null);
            if (current != null) {
                status.set(i18n.get("shift.open_since", shown(current.cashier()), WHEN.format(current.openedAt().atZone(zone))));
                if (lastClosed.get() == null) {
                    showReport(i18n.get("shift.so_far"), st.soFar());
                }
            } else {
                status.set(i18n.get("shift.status_none", shown(who)));
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
            message.set(i18n.get("shift.opened", shown(s.cashier())));
            refresh();
        }, this::failed);
    }

    /** Closes the open shift with the cash counted (blank: not counted); the report is kept for good. */
    public void closeShift() {
        if (current == null) {
            message.set(i18n.get("shift.status_none", shown(cashier.get())));
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
        message.set("");
        approval.ask(who, approvedBy -> close(who, countedCash, approvedBy));
    }

    private void close(String who, Money countedCash, String approvedBy) {
        busy.set(true);
        work.run(() -> office.await().closeShift(who, countedCash, approvedBy), s -> {
            busy.set(false);
            lastClosed.set(s);
            counted.set("");
            showReport(i18n.get("shift.report_of", shown(s.cashier()), WHEN.format(s.openedAt().atZone(zone)),
                    WHEN.format(s.closedAt().atZone(zone))), s.report());
            message.set(i18n.get("shift.closed"));
            refresh();
        }, this::failed);
    }

    /** Shows the kept report of a past shift. */
    public void select(Shift s) {
        if (s != null && !s.isOpen()) {
            lastClosed.set(s);
            showReport(i18n.get("shift.report_of", shown(s.cashier()), WHEN.format(s.openedAt().atZone(zone)),
                    WHEN.format(s.closedAt().atZone(zone))), s.report());
        }
    }

    /** Prints the shown closed shift's report on the receipt printer; a failure is said and loses nothing. */
    public void print() {
        Shift s = lastClosed.get();
        if (s == null || s.isOpen() || !canPrint()) {
            return;
        }
        busy.set(true);
        message.set(i18n.get("shiftprint.printing"));
        String actor = actor();
        work.run(() -> slips().print(s, null, null, null, actor), p -> {
            busy.set(false);
            message.set(i18n.get("shiftprint.printed", s.id(), p.printer()));
        }, e -> {
            busy.set(false);
            Throwable t = ErrorText.unwrap(e);
            if (t instanceof PrintFailure pf) {
                message.set(i18n.get("shiftprint.failed." + pf.reason().name(), pf.printer()));
            } else if (t instanceof Receipts.NoPrinterSet) {
                message.set(i18n.get("shiftprint.no_printer"));
            } else {
                failed(t);
            }
        });
    }

    /** Saves the shown closed shift's report as a PDF where the user chooses. */
    public void savePdf() {
        Shift s = lastClosed.get();
        if (s == null || s.isOpen() || !canPrint() || printing.pdfFile() == null) {
            return;
        }
        java.util.Optional<java.nio.file.Path> file = printing.pdfFile().saveAs(i18n.get("shiftprint.file_name", s.id()));
        if (file.isEmpty()) {
            return;
        }
        java.nio.file.Path out = file.get();
        busy.set(true);
        String actor = actor();
        work.run(() -> {
            ShiftSlips slips = slips();
            java.nio.file.Files.write(out, slips.render(s, ReceiptFormat.PDF, null, null));
            slips.recordWritten(s, ReceiptFormat.PDF, out.toAbsolutePath().toString(), actor);
            return out;
        }, p -> {
            busy.set(false);
            message.set(i18n.get("shiftprint.saved", p.toString()));
        }, this::failed);
    }

    private ShiftSlips slips() {
        return office.await().slips(printing.receipts().await(), Receipts.PRINTER_TIMEOUT);
    }

    private String actor() {
        String who = cashier.get();
        return who == null || who.isBlank() ? "desktop:" + System.getProperty("user.name", "unknown") : who;
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
