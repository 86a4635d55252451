package ma.hanout.ui.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.AuditLine;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;

/** The audit log for the owner: who did what and when, newest first, filtered by any word of it. */
public final class AuditViewModel {
    /** How many of the newest lines the filter looks through. */
    static final int LOOKED_AT = 5_000;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final I18n i18n;
    private final OfficeAccess office;
    private final BackgroundWork work;
    private final ZoneId zone;
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<AuditLine> lines = FXCollections.observableArrayList();

    public AuditViewModel(I18n i18n, OfficeAccess office, BackgroundWork work, ZoneId zone) {
        this.i18n = i18n;
        this.office = office;
        this.work = work;
        this.zone = zone;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Reads the log again, keeping the lines that contain the filter's text. */
    public void refresh() {
        String text = filter.get();
        work.run(() -> office.await().audit(text, LOOKED_AT), found -> {
            lines.setAll(found);
            message.set(i18n.get("audit.count", found.size()));
        }, t -> message.set(ErrorText.of(t, i18n)));
    }

    public String when(AuditLine l) {
        return WHEN.format(l.at().atZone(zone));
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObservableList<AuditLine> lines() {
        return lines;
    }
}
