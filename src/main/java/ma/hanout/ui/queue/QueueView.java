package ma.hanout.ui.queue;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;
import ma.hanout.ui.DigitsCell;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;
import ma.hanout.ui.sale.SaleChip;

/** The queue screen: the table of waiting sales and the two actions on the selected one. */
public final class QueueView {
    private final QueueViewModel vm;
    private final I18n i18n;
    private Timeline ticker;

    @FXML private TableView<QueueRow> table;
    @FXML private TableColumn<QueueRow, String> ageColumn;
    @FXML private TableColumn<QueueRow, String> phoneColumn;
    @FXML private TableColumn<QueueRow, String> operatorColumn;
    @FXML private TableColumn<QueueRow, String> amountColumn;
    @FXML private TableColumn<QueueRow, QueueRow> stateColumn;
    @FXML private TableColumn<QueueRow, String> reasonColumn;
    @FXML private Button sendNow;
    @FXML private Button cancel;
    @FXML private Label message;

    public QueueView(QueueViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    public Parent create() {
        return Fxml.load(this, "Queue.fxml", i18n);
    }

    @FXML
    private void initialize() {
        table.setItems(vm.rows());
        table.setPlaceholder(new Label(i18n.get("queue.empty")));
        ageColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().age()));
        phoneColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().sale().phone().display()));
        phoneColumn.setCellFactory(c -> new DigitsCell<>());
        operatorColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().sale().operator().displayName()));
        amountColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().sale().value().display()));
        amountColumn.setCellFactory(c -> new DigitsCell<>());
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(QueueRow row, boolean empty) {
                super.updateItem(row, empty);
                setGraphic(empty || row == null ? null : SaleChip.chip(row.sale(), i18n));
            }
        });
        reasonColumn.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().reason()));
        var selected = table.getSelectionModel().selectedItemProperty();
        sendNow.disableProperty().bind(selected.isNull());
        cancel.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> selected.get() == null || !selected.get().cancellable(), selected));
        message.textProperty().bind(vm.messageProperty());
        // ages move with the clock; nothing is read from the engine for that
        ticker = new Timeline(new KeyFrame(Duration.seconds(30), e -> vm.render()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    @FXML
    private void sendNow() {
        vm.sendNow(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void cancel() {
        vm.cancel(table.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void refresh() {
        vm.refresh();
    }

    /** Stops the age ticker (the screen is being replaced). */
    public void dispose() {
        ticker.stop();
    }
}
