package ma.hanout.ui.bulk;

import java.io.File;
import java.util.function.Function;
import java.util.function.Supplier;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import ma.hanout.ui.DigitsCell;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;

/** The bulk top-up screen: binds {@link BulkViewModel}; a bad line is drawn as an error row. */
public final class BulkView {
    private final BulkViewModel vm;
    private final I18n i18n;
    private final Supplier<Window> owner;

    @FXML private Label fileName;
    @FXML private Button choose;
    @FXML private Label summary;
    @FXML private Label shortfall;
    @FXML private TableView<BulkLine> table;
    @FXML private TableColumn<BulkLine, String> colLine;
    @FXML private TableColumn<BulkLine, String> colPhone;
    @FXML private TableColumn<BulkLine, String> colOperator;
    @FXML private TableColumn<BulkLine, String> colValue;
    @FXML private TableColumn<BulkLine, String> colType;
    @FXML private TableColumn<BulkLine, String> colResult;
    @FXML private ProgressBar progress;
    @FXML private Button confirm;
    @FXML private Button cancel;
    @FXML private Button export;
    @FXML private Label message;

    public BulkView(BulkViewModel vm, Supplier<Window> owner) {
        this.vm = vm;
        this.i18n = vm.i18n();
        this.owner = owner;
    }

    public Parent create() {
        return Fxml.load(this, "Bulk.fxml", i18n);
    }

    @FXML
    private void initialize() {
        fileName.textProperty().bind(vm.fileNameProperty());
        choose.disableProperty().bind(vm.runningProperty());
        summary.textProperty().bind(vm.summaryProperty());
        shortfall.textProperty().bind(vm.shortfallProperty());
        shortfall.visibleProperty().bind(vm.shortfallProperty().isNotEmpty());
        shortfall.managedProperty().bind(vm.shortfallProperty().isNotEmpty());
        table.setItems(vm.lines());
        table.setPlaceholder(new Label(i18n.get("bulk.empty")));
        column(colLine, l -> Integer.toString(l.lineNumber()), true);
        column(colPhone, BulkLine::phone, true);
        column(colOperator, BulkLine::operator, false);
        column(colValue, BulkLine::value, true);
        column(colType, BulkLine::type, true);
        column(colResult, vm::result, false);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(BulkLine l, boolean empty) {
                super.updateItem(l, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("bad"), !empty && l != null && !l.good());
                setStyle(!empty && l != null && !l.good() ? "-fx-background-color: #fbe3e0;" : "");
            }
        });
        progress.progressProperty().bind(vm.progressProperty());
        progress.visibleProperty().bind(vm.sentProperty());
        confirm.disableProperty().bind(vm.canConfirmProperty().not());
        cancel.disableProperty().bind(vm.runningProperty().not());
        export.disableProperty().bind(vm.sentProperty().not());
        message.textProperty().bind(vm.messageProperty());
    }

    @FXML
    private void choose() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(i18n.get("bulk.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        File f = chooser.showOpenDialog(owner.get());
        if (f != null) {
            vm.load(f.toPath());
        }
    }

    @FXML
    private void confirm() {
        vm.confirm();
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }

    @FXML
    private void export() {
        vm.exportResults();
    }

    private static <R> void column(TableColumn<R, String> c, Function<R, String> value, boolean digits) {
        c.setCellValueFactory(x -> new SimpleStringProperty(value.apply(x.getValue())));
        if (digits) {
            c.setCellFactory(x -> new DigitsCell<>());
        }
    }
}
