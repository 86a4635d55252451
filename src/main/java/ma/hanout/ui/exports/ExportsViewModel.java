package ma.hanout.ui.exports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.AuditLine;
import ma.hanout.app.Office;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;

/**
 * Exports for the accountant: the history (one row per sale) and the takings (per day and
 * operator) of a period as CSV, UTF-8 with a header, in the spreadsheet convention of the screen's
 * language ({@code ;} and decimal commas in French, Arabic and Spanish, {@code ,} and dots in
 * English); below, the exports already made (from the audit log).
 */
public final class ExportsViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final I18n i18n;
    private final OfficeAccess office;
    private final BackgroundWork work;
    private final FileChoice files;
    private final ZoneId zone;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<String> done = FXCollections.observableArrayList();

    public ExportsViewModel(I18n i18n, OfficeAccess office, BackgroundWork work, FileChoice files, ZoneId zone) {
        this.i18n = i18n;
        this.office = office;
        this.work = work;
        this.files = files;
        this.zone = zone;
        LocalDate today = LocalDate.now(zone);
        from.set(today.withDayOfMonth(1));
        to.set(today);
    }

    public I18n i18n() {
        return i18n;
    }

    /** The CSV convention of this screen's language. */
    public Office.CsvStyle style() {
        return Office.CsvStyle.forLanguage(i18n.language());
    }

    /** Reads the exports already made. */
    public void refresh() {
        work.run(() -> office.await().audit("export.", 500), lines -> done.setAll(lines.stream()
                .filter(l -> l.action().startsWith("export."))
                .limit(30)
                .map(this::describe).toList()), this::failed);
    }

    private String describe(AuditLine l) {
        return WHEN.format(l.at().atZone(zone)) + "  " + l.actor() + "  " + l.detail();
    }

    /** Exports the period's sales, one row per sale, as the history lists them. */
    public void exportHistory() {
        export("hanout-ventes", (o, file) -> i18n.get("exports.history_done", o.exportSales(from.get(), to.get(), file,
                style()), file.toString()));
    }

    /** Exports the period's takings per day and operator. */
    public void exportTakings() {
        export("hanout-recettes", (o, file) -> i18n.get("exports.takings_done", o.exportTakings(from.get(), to.get(),
                file, style()), file.toString()));
    }

    private interface Export {
        String run(Office office, Path file);
    }

    private void export(String stem, Export export) {
        if (from.get() == null || to.get() == null || from.get().isAfter(to.get())) {
            message.set(i18n.get("exports.bad_period"));
            return;
        }
        Optional<Path> file = files.saveAs(stem + "-" + from.get() + "-" + to.get() + ".csv");
        if (file.isEmpty()) {
            return;
        }
        busy.set(true);
        message.set(i18n.get("exports.working"));
        work.run(() -> export.run(office.await(), file.get()), text -> {
            busy.set(false);
            message.set(text);
            refresh();
        }, this::failed);
    }

    private void failed(Throwable t) {
        busy.set(false);
        message.set(ErrorText.of(t, i18n));
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The exports already made, newest first, one line each. */
    public ObservableList<String> done() {
        return done;
    }

    List<String> doneNow() {
        return List.copyOf(done);
    }
}
