package ma.hanout.ui.history;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleEvent;
import ma.hanout.domain.SaleCursor;
import ma.hanout.domain.SalePage;
import ma.hanout.domain.SaleQuery;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.sale.SaleExplanation;

/**
 * History: search the local cache by phone, reference, dates, status and operator, a page at a
 * time (keyset paging in SQL: the table asks for the next page when its end comes into view, so a
 * large history is never loaded whole); a selected sale's details and status timeline.
 */
public final class HistoryViewModel {
    /** Rows per page: a few screens' worth. */
    public static final int PAGE_SIZE = 100;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** The timeline shows times only: the sale's date is in its details. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final I18n i18n;
    private final EngineAccess engine;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final StringProperty phone = new SimpleStringProperty(this, "phone", "");
    private final StringProperty reference = new SimpleStringProperty(this, "reference", "");
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
    private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(this, "status", StatusFilter.ANY);
    private final ObjectProperty<Operator> operator = new SimpleObjectProperty<>(this, "operator");

    private final ObservableList<Sale> rows = FXCollections.observableArrayList();
    private final ObservableList<Sale> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<Sale> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyObjectWrapper<SaleExplanation> selectedExplanation =
            new ReadOnlyObjectWrapper<>(this, "selectedExplanation");
    private final ObservableList<TimelineRow> timeline = FXCollections.observableArrayList();
    private final ObservableList<TimelineRow> timelineView = FXCollections.unmodifiableObservableList(timeline);

    private SaleQuery query = SaleQuery.ALL;
    private SaleCursor next;
    private boolean hasMore;
    /** Which search a page belongs to: a page of an older search arriving late is dropped. */
    private long generation;

    public HistoryViewModel(I18n i18n, EngineAccess engine, BackgroundWork work, ZoneId zone) {
        this.i18n = i18n;
        this.engine = engine;
        this.work = work;
        this.zone = zone;
    }

    /** Runs the search from the form's fields and shows its first page. */
    public void search() {
        SaleQuery q;
        try {
            q = buildQuery();
        } catch (RuntimeException e) {
            message.set(ErrorText.of(e, i18n));
            return;
        }
        query = q;
        next = null;
        hasMore = false;
        generation++;
        rows.clear();
        select(null);
        loadPage();
    }

    /** Empties the form and searches everything again. */
    public void clearFilters() {
        phone.set("");
        reference.set("");
        from.set(null);
        to.set(null);
        status.set(StatusFilter.ANY);
        operator.set(null);
        search();
    }

    SaleQuery buildQuery() {
        Instant start = from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
        Instant end = to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
        SaleQuery q = new SaleQuery(phone.get(), reference.get(), start, end, null, null, operator.get());
        return (status.get() == null ? StatusFilter.ANY : status.get()).apply(q);
    }

    /** Called when the table's last rows come into view: fetches the next page, if any. */
    public void loadMore() {
        if (hasMore && !loading.get()) {
            loadPage();
        }
    }

    private void loadPage() {
        long gen = generation;
        SaleQuery q = query;
        SaleCursor after = next;
        loading.set(true);
        work.run(() -> engine.await().reads().search(q, PAGE_SIZE, after), page -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            accept(page);
        }, failure -> {
            if (gen == generation) {
                loading.set(false);
                message.set(ErrorText.of(failure, i18n));
            }
        });
    }

    private void accept(SalePage page) {
        rows.addAll(page.sales());
        next = page.next();
        hasMore = page.hasNext();
        if (rows.isEmpty()) {
            message.set(i18n.get("history.none"));
        } else {
            message.set(i18n.plural(hasMore ? "history.found_more" : "history.found", rows.size()));
        }
    }

    /** Shows {@code sale}'s details and reads its timeline. */
    public void select(Sale sale) {
        // the explanation first: whoever listens to the selection reads it (published last)
        selectedExplanation.set(sale == null ? null : SaleExplanation.of(sale, i18n, true));
        selected.set(sale);
        timeline.clear();
        if (sale == null) {
            return;
        }
        String ref = sale.externalReference();
        work.run(() -> engine.await().reads().timeline(ref), events -> {
            if (selected.get() != null && selected.get().externalReference().equals(ref)) {
                timeline.setAll(rowsOf(events));
            }
        }, failure -> message.set(ErrorText.of(failure, i18n)));
    }

    private List<TimelineRow> rowsOf(List<SaleEvent> events) {
        return events.stream().map(e -> new TimelineRow(TIME.format(e.at().atZone(zone)), what(e),
                i18n.has("source." + e.source()) ? i18n.get("source." + e.source()) : e.source())).toList();
    }

    private String what(SaleEvent e) {
        StringBuilder b = new StringBuilder();
        if (e.state() != null) {
            b.append(i18n.get("state." + e.state().name()));
        }
        if (e.status() != null) {
            if (b.length() > 0) {
                b.append(" · ");
            }
            b.append(e.status().meaning(i18n.language()));
        }
        return b.toString();
    }

    /**
     * What happened to {@code sale}, as a person reads it: the outcome and what to do ("Échouée —
     * Cette ligne est inexistante. Vérifiez le numéro avec le client, et rendez-lui l'argent.").
     * The details lead with it; the engine's state comes last, as {@link #technicalState}.
     */
    public String outcome(Sale sale) {
        SaleExplanation e = SaleExplanation.of(sale, i18n, true);
        return i18n.get("history.outcome_text", e.label(), e.meaning(), e.advice());
    }

    /**
     * The technical state, secondary: where the sale stands in the engine and the server's status
     * code ("Acceptée par le serveur, code 4"), for whoever must explain it to MoroccoTopup.
     */
    public String technicalState(Sale sale) {
        String state = i18n.get("state." + sale.state().name());
        return sale.status() == null ? state
                : i18n.get("history.technical_with_code", state, Integer.toString(sale.status().code()));
    }

    /** A timestamp as the history shows it. */
    public String stamp(Instant at) {
        return at == null ? "" : STAMP.format(at.atZone(zone));
    }

    public StringProperty phoneProperty() {
        return phone;
    }

    public StringProperty referenceProperty() {
        return reference;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<StatusFilter> statusProperty() {
        return status;
    }

    public ObjectProperty<Operator> operatorProperty() {
        return operator;
    }

    public ObservableList<Sale> rows() {
        return rowsView;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean hasMore() {
        return hasMore;
    }

    public ReadOnlyObjectProperty<Sale> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SaleExplanation> selectedExplanationProperty() {
        return selectedExplanation.getReadOnlyProperty();
    }

    public ObservableList<TimelineRow> timeline() {
        return timelineView;
    }

    public I18n i18n() {
        return i18n;
    }
}
