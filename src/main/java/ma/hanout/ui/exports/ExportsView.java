package ma.hanout.ui.exports;

import java.nio.file.Path;
import java.util.Optional;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;

/** The exports screen: binds {@link ExportsViewModel}; {@link #fileChooser} asks where to save. */
public final class ExportsView {
    private final ExportsViewModel vm;
    private final I18n i18n;

    @FXML private Label explain;
    @FXML private DatePicker from;
    @FXML private DatePicker to;
    @FXML private Button history;
    @FXML private Button takings;
    @FXML private Label message;
    @FXML private ListView<String> done;

    public ExportsView(ExportsViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    public Parent create() {
        return Fxml.load(this, "Exports.fxml", i18n);
    }

    /** A save dialog over {@code owner}'s window, CSV files only. */
    public static FileChoice fileChooser(I18n i18n, java.util.function.Supplier<Window> owner) {
        return suggested -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(i18n.get("exports.title"));
            chooser.setInitialFileName(suggested);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            java.io.File f = chooser.showSaveDialog(owner.get());
            return f == null ? Optional.<Path>empty() : Optional.of(f.toPath());
        };
    }

    @FXML
    private void initialize() {
        explain.setText(i18n.get("exports.explain", String.valueOf(vm.style().delimiter()),
                String.valueOf(vm.style().decimal())));
        from.valueProperty().bindBidirectional(vm.fromProperty());
        to.valueProperty().bindBidirectional(vm.toProperty());
        history.disableProperty().bind(vm.busyProperty());
        takings.disableProperty().bind(vm.busyProperty());
        message.textProperty().bind(vm.messageProperty());
        done.setItems(vm.done());
        done.setPlaceholder(new Label(i18n.get("exports.none")));
    }

    @FXML
    private void exportHistory() {
        vm.exportHistory();
    }

    @FXML
    private void exportTakings() {
        vm.exportTakings();
    }
}
