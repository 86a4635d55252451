package ma.hanout.ui.dashboard;

import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import ma.hanout.domain.DayTakings;
import ma.hanout.ui.DigitsCell;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;

/** The dashboard screen: binds {@link DashboardViewModel} to its FXML; the charts and tables are drawn here. */
public final class DashboardView {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM");

    private final DashboardViewModel vm;
    private final I18n i18n;

    @FXML private Label message;
    @FXML private Button refresh;
    @FXML private Label lowBalance;
    @FXML private Label balance;
    @FXML private Label creditLimit;
    @FXML private Label currency;
    @FXML private Label readAt;
    @FXML private Label failures;
    @FXML private Label refunds;
    @FXML private Label pending;
    @FXML private TableView<PaymentRow> payments;
    @FXML private TableColumn<PaymentRow, String> payAt;
    @FXML private TableColumn<PaymentRow, String> paySource;
    @FXML private TableColumn<PaymentRow, String> payAmount;
    @FXML private TableColumn<PaymentRow, String> payReference;
    @FXML private StackPane todaySlot;
    @FXML private StackPane weekSlot;
    @FXML private StackPane dailySlot;
    @FXML private StackPane hourlySlot;

    public DashboardView(DashboardViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    public Parent create() {
        return Fxml.load(this, "Dashboard.fxml", i18n);
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(vm.messageProperty());
        refresh.disableProperty().bind(vm.loadingProperty());
        lowBalance.textProperty().bind(vm.lowBalanceTextProperty());
        lowBalance.visibleProperty().bind(vm.lowBalanceProperty());
        lowBalance.managedProperty().bind(vm.lowBalanceProperty());
        balance.textProperty().bind(vm.balanceProperty());
        creditLimit.textProperty().bind(vm.creditLimitProperty());
        currency.textProperty().bind(vm.currencyProperty());
        readAt.textProperty().bind(vm.balanceReadAtProperty());
        failures.textProperty().bind(vm.failuresTodayProperty());
        refunds.textProperty().bind(vm.refundsTodayProperty());
        pending.textProperty().bind(vm.pendingTodayProperty());
        payments.setItems(vm.payments());
        payments.setPlaceholder(new Label(i18n.get("dashboard.no_payments")));
        column(payAt, PaymentRow::at, true);
        column(paySource, PaymentRow::source, false);
        column(payAmount, PaymentRow::amount, true);
        column(payReference, PaymentRow::reference, true);
        todaySlot.getChildren().add(takingsTable("dashboard-today", vm));
        weekSlot.getChildren().add(takingsTable("dashboard-week", vm));
        dailySlot.getChildren().add(dailyChart());
        hourlySlot.getChildren().add(hourlyChart());
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    private TableView<TakingsRow> takingsTable(String id, DashboardViewModel vm) {
        TableView<TakingsRow> t = new TableView<>(id.endsWith("today") ? vm.todayRows() : vm.weekRows());
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setFixedCellSize(26);
        t.setPrefHeight(26 * 4 + 30);
        t.setMinHeight(26 * 4 + 30);
        t.setPlaceholder(new Label(""));
        t.getColumns().add(col("col.operator", TakingsRow::operator, false, 118));
        t.getColumns().add(col("dashboard.col.count", TakingsRow::count, true, 40));
        t.getColumns().add(col("dashboard.col.face", TakingsRow::faceValue, true, 92));
        t.getColumns().add(col("dashboard.col.billed", TakingsRow::billed, true, 92));
        t.getColumns().add(col("dashboard.col.margin", TakingsRow::margin, true, 80));
        t.getColumns().add(col("dashboard.col.margin_pct", TakingsRow::marginPercent, true, 60));
        t.getColumns().add(col("dashboard.col.price_pct", TakingsRow::priceMargin, true, 60));
        return t;
    }

    private TableColumn<TakingsRow, String> col(String key, Function<TakingsRow, String> value, boolean digits,
            double width) {
        TableColumn<TakingsRow, String> c = new TableColumn<>(i18n.get(key));
        c.setSortable(false);
        c.setPrefWidth(width);
        column(c, value, digits);
        return c;
    }

    private static <R> void column(TableColumn<R, String> c, Function<R, String> value, boolean digits) {
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        if (digits) {
            c.setCellFactory(x -> new DigitsCell<>());
        }
    }

    private BarChart<String, Number> dailyChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.get("dashboard.axis_mad"));
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("dashboard-daily-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(200);
        chart.setCategoryGap(2);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable draw = () -> {
            series.getData().clear();
            for (DayTakings d : vm.last30Days()) {
                // a chart's bar height only: the figures themselves stay exact centimes
                series.getData().add(new XYChart.Data<>(DAY.format(d.day()), d.takings().faceValue().centimes() / 100.0));
            }
        };
        vm.last30Days().addListener((ListChangeListener<DayTakings>) ch -> draw.run());
        draw.run();
        return chart;
    }

    private BarChart<String, Number> hourlyChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.get("dashboard.axis_sales"));
        y.setMinorTickVisible(false);
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("dashboard-hourly-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(200);
        chart.setCategoryGap(2);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable draw = () -> {
            series.getData().clear();
            long[] hours = vm.salesPerHourProperty().get();
            for (int h = 0; h < 24; h++) {
                series.getData().add(new XYChart.Data<>(String.format("%02d", h), hours[h]));
            }
        };
        vm.salesPerHourProperty().addListener((obs, was, now) -> draw.run());
        draw.run();
        return chart;
    }
}
