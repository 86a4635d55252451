package ma.hanout.ui.audit;

import javafx.beans.property.SimpleStringProperty;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import ma.hanout.app.AuditLine;
import ma.hanout.ui.DigitsCell;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;

/** The audit log screen: binds {@link AuditViewModel}; the filter applies as the owner types. */
public final class AuditView {
    private final AuditViewModel vm;
    private final I18n i18n;

    @FXML private Label message;
    @FXML private TextField filter;
    @FXML private TableView<AuditLine> table;
    @FXML private TableColumn<AuditLine, String> colAt;
    @FXML private TableColumn<AuditLine, String> colActor;
    @FXML private TableColumn<AuditLine, String> colAction;
    @FXML private TableColumn<AuditLine, String> colDetail;

    public AuditView(AuditViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    public Parent create() {
        return Fxml.load(this, "Audit.fxml", i18n);
    }

    @FXML
    private void initialize() {
        message.textProperty().bind(vm.messageProperty());
        filter.textProperty().bindBidirectional(vm.filterProperty());
        filter.textProperty().addListener((obs, was, now) -> vm.refresh());
        table.setItems(vm.lines());
        table.setPlaceholder(new Label(i18n.get("audit.none")));
        colAt.setCellValueFactory(c -> new SimpleStringProperty(vm.when(c.getValue())));
        colAt.setCellFactory(c -> new DigitsCell<>());
        colActor.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().actor()));
        colAction.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().action()));
        colDetail.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().detail() == null ? ""
                : c.getValue().detail()));
    }
}
