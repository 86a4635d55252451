package ma.hanout.ui.history;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Sale;
import ma.hanout.ui.ColumnFit;
import ma.hanout.ui.DigitsCell;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;
import ma.hanout.ui.sale.OfferLabel;
import ma.hanout.ui.sale.SaleChip;
import ma.hanout.ui.sale.SaleExplanation;

/** The history screen: search form, the paged table, and the selected sale's details and timeline. */
public final class HistoryView {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final HistoryViewModel vm;
    private final I18n i18n;

    @FXML private TextField phone;
    @FXML private TextField reference;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private ComboBox<StatusFilter> status;
    @FXML private ComboBox<Operator> operator;
    @FXML private TableView<Sale> table;
    @FXML private TableColumn<Sale, String> whenColumn;
    @FXML private TableColumn<Sale, String> phoneColumn;
    @FXML private TableColumn<Sale, String> operatorColumn;
    @FXML private TableColumn<Sale, String> amountColumn;
    @FXML private TableColumn<Sale, Sale> statusColumn;
    @FXML private TableColumn<Sale, String> referenceColumn;
    @FXML private Label message;
    @FXML private VBox details;
    @FXML private Label detailsEmpty;
    @FXML private GridPane detailsGrid;
    @FXML private Label detailsMeaning;
    @FXML private TableView<TimelineRow> timeline;
    @FXML private TableColumn<TimelineRow, String> tlAt;
    @FXML private TableColumn<TimelineRow, String> tlWhat;
    @FXML private TableColumn<TimelineRow, String> tlSource;

    public HistoryView(HistoryViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    public Parent create() {
        return Fxml.load(this, "History.fxml", i18n);
    }

    /** Hosts another feature's actions (the receipt's) in the details, above the timeline; after {@link #create()}. */
    public void hostDetailsActions(javafx.scene.Node actions) {
        details.getChildren().add(details.getChildren().indexOf(timeline), actions);
    }

    @FXML
    private void initialize() {
        phone.textProperty().bindBidirectional(vm.phoneProperty());
        phone.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        reference.textProperty().bindBidirectional(vm.referenceProperty());
        reference.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        status.getItems().setAll(StatusFilter.values());
        status.setConverter(converter(s -> i18n.get(s.labelKey())));
        status.valueProperty().bindBidirectional(vm.statusProperty());
        operator.getItems().add(null);
        operator.getItems().addAll(Operator.values());
        operator.setConverter(converter(o -> o.displayName()));
        operator.setButtonCell(new OperatorCell());
        operator.setCellFactory(l -> new OperatorCell());
        operator.valueProperty().bindBidirectional(vm.operatorProperty());
        for (TextField f : new TextField[] {phone, reference}) {
            f.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    vm.search();
                    e.consume();
                }
            });
        }
        bindTable();
        bindDetails();
        message.textProperty().bind(vm.messageProperty());
        vm.search();
    }

    private void bindTable() {
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(i18n.get("history.none")));
        ZoneId zone = ZoneId.systemDefault();
        whenColumn.setCellValueFactory(c -> new SimpleStringProperty(WHEN.format(c.getValue().createdAt().atZone(zone))));
        whenColumn.setCellFactory(c -> new DigitsCell<>());
        phoneColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().phone().display()));
        phoneColumn.setCellFactory(c -> new DigitsCell<>());
        operatorColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().operator().displayName()));
        amountColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().value().display()));
        amountColumn.setCellFactory(c -> new DigitsCell<>());
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Sale s, boolean empty) {
                super.updateItem(s, empty);
                setGraphic(empty || s == null ? null : SaleChip.chip(s, i18n));
            }
        });
        // a demo or sandbox sale can never be taken for a real one
        referenceColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().account().environment().isTest()
                ? i18n.get("history.test_sale") + " " + c.getValue().account().environment().code() + " · "
                        + c.getValue().externalReference()
                : c.getValue().externalReference()));
        referenceColumn.setCellFactory(c -> new DigitsCell<>());
        // the table only builds the rows in view; when one near the end is built, fetch the next page
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Sale s, boolean empty) {
                super.updateItem(s, empty);
                if (!empty && getIndex() >= t.getItems().size() - 10) {
                    vm.loadMore();
                }
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> vm.select(now));
        fitColumns();
    }

    /** Wide enough for what a cashier must read whole: a time, a number, an amount, an operator, a state. */
    private void fitColumns() {
        ColumnFit.atLeast(whenColumn, WHEN.format(java.time.LocalDateTime.of(2026, 12, 28, 20, 58)));
        ColumnFit.atLeast(phoneColumn, "06 66 66 66 66");
        ColumnFit.atLeast(operatorColumn, java.util.Arrays.stream(Operator.values()).map(Operator::displayName)
                .toArray(String[]::new));
        ColumnFit.atLeast(amountColumn, ma.hanout.domain.Money.ofMad(10_000).display());
        ColumnFit.atLeast(statusColumn, 12, true, 20, java.util.Arrays.stream(ma.hanout.ui.sale.SaleStage.values())
                .map(s -> i18n.get(s.labelKey())).toArray(String[]::new));
        ColumnFit.atLeast(referenceColumn, "HN-6BCH6YGF-WQJZD", "HN-MWMWMWMW-0D1X9");
        ColumnFit.atLeast(tlAt, "20:58:58");
        ColumnFit.atLeast(tlSource, java.util.stream.Stream.of("counter", "batch", "cli", "worker", "reconcile", "poll",
                "history", "relay", "person", "recovery").map(k -> i18n.get("source." + k)).toArray(String[]::new));
    }

    private void bindDetails() {
        timeline.setItems(vm.timeline());
        timeline.setPlaceholder(new Label(""));
        tlAt.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().at()));
        tlAt.setCellFactory(c -> new DigitsCell<>());
        tlWhat.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().what()));
        // what happened is read whole: a long status wraps onto a second line instead of "Cette ligne est ine…"
        // (a Text that wraps at the column's width: a wrapping cell label would not make its row taller)
        tlWhat.setCellFactory(c -> new TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.getStyleClass().add("timeline-what");
                text.wrappingWidthProperty().bind(tlWhat.widthProperty().subtract(12));
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : text);
            }
        });
        tlSource.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().source()));
        vm.selectedProperty().addListener((obs, was, now) -> showDetails(now));
        showDetails(null);
    }

    private void showDetails(Sale s) {
        boolean some = s != null;
        detailsEmpty.setVisible(!some);
        detailsEmpty.setManaged(!some);
        detailsGrid.setVisible(some);
        detailsGrid.setManaged(some);
        detailsMeaning.setVisible(some);
        detailsMeaning.setManaged(some);
        timeline.setVisible(some);
        timeline.setManaged(some);
        detailsGrid.getChildren().clear();
        if (!some) {
            return;
        }
        int r = 0;
        r = detail(r, "col.phone", s.phone().display(), true);
        r = detail(r, "col.operator", s.operator().displayName(), false);
        r = detail(r, "col.offer", OfferLabel.of(s.promo(), s.operator(), i18n));
        r = detail(r, "col.amount", s.value().display(), true);
        if (s.billingAmount() != null) {
            r = detail(r, "history.billing", s.billingAmount().display(), true);
        }
        r = detail(r, "col.reference", s.externalReference(), true);
        if (s.refInterne() != null) {
            r = detail(r, "history.ref_interne", s.refInterne(), true);
        }
        r = detail(r, "history.created", vm.stamp(s.createdAt()), true);
        if (s.executedAt() != null) {
            r = detail(r, "history.executed", vm.stamp(s.executedAt()), true);
        }
        // the engine's state and the server's code last and quieter: the outcome above says what it means
        Label technical = new Label(vm.technicalState(s));
        technical.getStyleClass().add("detail-technical");
        technical.setWrapText(true);
        technical.setId("history-technical");
        detail(r, "history.technical", technical);
        detailsMeaning.setText(vm.outcome(s));
        detailsMeaning.getStyleClass().removeIf(c -> c.startsWith("stage-"));
        detailsMeaning.getStyleClass().add(ma.hanout.ui.sale.SaleStage.of(s).styleClass());
    }

    private int detail(int row, String labelKey, javafx.scene.Node value) {
        Label k = new Label(i18n.get(labelKey));
        k.getStyleClass().add("detail-key");
        value.getStyleClass().add("detail-value");
        detailsGrid.addRow(row, k, value);
        return row + 1;
    }

    private int detail(int row, String labelKey, String value, boolean leftToRight) {
        Label k = new Label(i18n.get(labelKey));
        k.getStyleClass().add("detail-key");
        Label v = new Label(value);
        v.getStyleClass().add("detail-value");
        v.setWrapText(true);
        if (leftToRight) {
            v.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
        detailsGrid.addRow(row, k, v);
        return row + 1;
    }

    @FXML
    private void search() {
        vm.search();
    }

    @FXML
    private void clear() {
        vm.clearFilters();
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : f.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    private final class OperatorCell extends ListCell<Operator> {
        @Override
        protected void updateItem(Operator o, boolean empty) {
            super.updateItem(o, empty);
            setText(empty ? null : o == null ? i18n.get("history.operator.any") : o.displayName());
        }
    }
}
