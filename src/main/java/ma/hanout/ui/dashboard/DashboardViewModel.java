package ma.hanout.ui.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.hanout.app.Office;
import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.DayTakings;
import ma.hanout.domain.OperatorTakings;
import ma.hanout.domain.Price;
import ma.hanout.domain.ReceivedPayment;
import ma.hanout.domain.Takings;
import ma.hanout.domain.TakingsReport;
import ma.hanout.engine.SaleEngine;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;

/**
 * The owner's dashboard: balance, currency and credit limit with when they were read, the
 * low-balance alert, today's and this week's takings per operator beside the margins of
 * {@code /prices}, the daily takings of the last 30 days and today's sales per hour, today's
 * failures and refunds, and the payments received through the relay. Only the current account's
 * sales count. {@link #refresh} reads it all on a background thread.
 */
public final class DashboardViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final I18n i18n;
    private final EngineAccess engine;
    private final OfficeAccess office;
    private final BackgroundWork work;
    private final ZoneId zone;

    private final ReadOnlyStringWrapper balance = new ReadOnlyStringWrapper(this, "balance", "—");
    private final ReadOnlyStringWrapper creditLimit = new ReadOnlyStringWrapper(this, "creditLimit", "—");
    private final ReadOnlyStringWrapper currency = new ReadOnlyStringWrapper(this, "currency", "—");
    private final ReadOnlyStringWrapper balanceReadAt = new ReadOnlyStringWrapper(this, "balanceReadAt", "");
    private final ReadOnlyBooleanWrapper lowBalance = new ReadOnlyBooleanWrapper(this, "lowBalance");
    private final ReadOnlyStringWrapper lowBalanceText = new ReadOnlyStringWrapper(this, "lowBalanceText", "");
    private final ReadOnlyStringWrapper failuresToday = new ReadOnlyStringWrapper(this, "failuresToday", "0");
    private final ReadOnlyStringWrapper refundsToday = new ReadOnlyStringWrapper(this, "refundsToday", "0");
    private final ReadOnlyStringWrapper pendingToday = new ReadOnlyStringWrapper(this, "pendingToday", "0");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyObjectWrapper<TakingsReport> today = new ReadOnlyObjectWrapper<>(this, "today");
    private final ReadOnlyObjectWrapper<TakingsReport> week = new ReadOnlyObjectWrapper<>(this, "week");
    private final ReadOnlyObjectWrapper<long[]> salesPerHour = new ReadOnlyObjectWrapper<>(this, "salesPerHour",
            new long[24]);
    private final ObservableList<TakingsRow> todayRows = FXCollections.observableArrayList();
    private final ObservableList<TakingsRow> weekRows = FXCollections.observableArrayList();
    private final ObservableList<DayTakings> last30Days = FXCollections.observableArrayList();
    private final ObservableList<PaymentRow> payments = FXCollections.observableArrayList();

    public DashboardViewModel(I18n i18n, EngineAccess engine, OfficeAccess office, BackgroundWork work, ZoneId zone) {
        this.i18n = i18n;
        this.engine = engine;
        this.office = office;
        this.work = work;
        this.zone = zone;
    }

    public I18n i18n() {
        return i18n;
    }

    /** Reads everything again (asks /balance when the API answers; the last known balance otherwise). */
    public void refresh() {
        loading.set(true);
        message.set(i18n.get("dashboard.loading"));
        work.run(this::load, f -> {
            loading.set(false);
            show(f);
        }, failure -> {
            loading.set(false);
            message.set(ErrorText.of(failure, i18n));
        });
    }

    private DashboardFigures load() {
        SaleEngine e = engine.await();
        Office o = office.await();
        Optional<BalanceSnapshot> bal = e.refreshBalance();
        if (bal.isEmpty()) {
            bal = e.lastBalance();
        }
        if (o.prices().isEmpty()) {
            e.sync(); // the margins of /prices are fetched by a sync
        }
        LocalDate day = o.today();
        return new DashboardFigures(bal, o.lowBalanceThreshold(), o.today(day), o.week(day), o.prices(),
                o.daily(day.minusDays(29), day), o.salesPerHour(day), o.paymentsReceived(50), Instant.now());
    }

    private void show(DashboardFigures f) {
        if (f.balance().isPresent()) {
            BalanceSnapshot b = f.balance().get();
            balance.set(b.balance().display());
            creditLimit.set(b.creditLimit() == null ? "—" : b.creditLimit().display());
            currency.set(b.currency());
            balanceReadAt.set(i18n.get("dashboard.read_at", WHEN.format(b.at().atZone(zone))));
        } else {
            balance.set(i18n.get("status.balance_unknown"));
            creditLimit.set("—");
            currency.set("—");
            balanceReadAt.set("");
        }
        lowBalance.set(f.lowBalance());
        lowBalanceText.set(f.lowBalance() ? i18n.get("dashboard.low_balance", f.lowBalanceThreshold().display()) : "");
        today.set(f.today());
        week.set(f.week());
        todayRows.setAll(rows(f.today(), f.prices()));
        weekRows.setAll(rows(f.week(), f.prices()));
        last30Days.setAll(f.last30Days());
        salesPerHour.set(f.salesPerHour());
        Takings t = f.today().total();
        failuresToday.set(Long.toString(t.failures()));
        refundsToday.set(Long.toString(t.refunds()));
        pendingToday.set(Long.toString(t.pending()));
        List<PaymentRow> ps = new ArrayList<>();
        for (ReceivedPayment p : f.payments()) {
            ps.add(new PaymentRow(WHEN.format(p.receivedAt().atZone(zone)), p.source(),
                    p.amount() == null ? "—" : p.amount().toPlainString() + (p.currency() == null ? "" : " " + p.currency()),
                    p.reference() == null ? "" : p.reference()));
        }
        payments.setAll(ps);
        message.set(i18n.get("dashboard.updated", WHEN.format(f.readAt().atZone(zone))));
    }

    private List<TakingsRow> rows(TakingsReport r, List<Price> prices) {
        List<TakingsRow> out = new ArrayList<>();
        for (OperatorTakings o : r.operators()) {
            BigDecimal price = prices.stream().filter(p -> p.operator() == o.operator()).map(Price::marginPercent)
                    .findFirst().orElse(null);
            out.add(row(o.operator().displayName(), o.takings(), price == null ? "—" : percent(price)));
        }
        out.add(row(i18n.get("dashboard.total"), r.total(), ""));
        return out;
    }

    private TakingsRow row(String name, Takings t, String priceMargin) {
        BigDecimal pct = t.marginPercent();
        return new TakingsRow(name, Long.toString(t.successes()), t.faceValue().display(), t.billed().display(),
                t.margin().display(), pct == null ? "—" : percent(pct), priceMargin);
    }

    /** {@code 6,5 %} in French, {@code 6.5 %} in English: the language's decimal mark. */
    private String percent(BigDecimal p) {
        String s = p.stripTrailingZeros().toPlainString();
        return (i18n.language() == ma.hanout.domain.Language.EN ? s : s.replace('.', ',')) + " %";
    }

    public ReadOnlyStringProperty balanceProperty() {
        return balance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty creditLimitProperty() {
        return creditLimit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty currencyProperty() {
        return currency.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty balanceReadAtProperty() {
        return balanceReadAt.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty lowBalanceProperty() {
        return lowBalance.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lowBalanceTextProperty() {
        return lowBalanceText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failuresTodayProperty() {
        return failuresToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty refundsTodayProperty() {
        return refundsToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pendingTodayProperty() {
        return pendingToday.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Today's takings as read (null before the first refresh). */
    public ReadOnlyObjectProperty<TakingsReport> todayProperty() {
        return today.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TakingsReport> weekProperty() {
        return week.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<long[]> salesPerHourProperty() {
        return salesPerHour.getReadOnlyProperty();
    }

    public ObservableList<TakingsRow> todayRows() {
        return todayRows;
    }

    public ObservableList<TakingsRow> weekRows() {
        return weekRows;
    }

    public ObservableList<DayTakings> last30Days() {
        return last30Days;
    }

    public ObservableList<PaymentRow> payments() {
        return payments;
    }
}
