package ma.hanout.ui.statusbar;

import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;

/** The status bar at the bottom of the window. */
public final class StatusBarView {
    private final StatusBarViewModel vm;
    private final I18n i18n;

    @FXML private Label connection;
    @FXML private Label relay;
    @FXML private Label balance;
    @FXML private Label queued;
    @FXML private Label held;
    @FXML private Label uncertain;
    @FXML private HBox heldBox;
    @FXML private HBox uncertainBox;
    @FXML private Label mode;
    @FXML private Label lowBalance;

    public StatusBarView(StatusBarViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Parent create() {
        return Fxml.load(this, "StatusBar.fxml", i18n);
    }

    @FXML
    private void initialize() {
        connection.textProperty().bind(vm.connectionProperty());
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        connection.setGraphic(dot);
        styleWith(connection, vm.connectionStyleProperty().get());
        vm.connectionStyleProperty().addListener((obs, was, now) -> styleWith(connection, now));
        relay.textProperty().bind(vm.relayProperty());
        relay.visibleProperty().bind(vm.relayShownProperty());
        relay.managedProperty().bind(vm.relayShownProperty());
        vm.relayUpProperty().addListener((obs, was, up) -> styleWith(relay, up ? "state-good" : "state-bad"));
        balance.textProperty().bind(vm.balanceProperty());
        queued.textProperty().bind(vm.queuedProperty());
        held.textProperty().bind(vm.heldProperty());
        uncertain.textProperty().bind(vm.uncertainProperty());
        for (Label value : new Label[] {balance, queued, held, uncertain}) {
            // money and counts read left to right, also in Arabic
            value.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        }
        heldBox.visibleProperty().bind(vm.heldProperty().isNotEmpty());
        heldBox.managedProperty().bind(vm.heldProperty().isNotEmpty());
        uncertainBox.visibleProperty().bind(vm.uncertainProperty().isNotEmpty());
        uncertainBox.managedProperty().bind(vm.uncertainProperty().isNotEmpty());
        vm.queueAttentionProperty().addListener((obs, was, now) -> {
            queued.getStyleClass().remove("attention");
            if (now) {
                queued.getStyleClass().add("attention");
            }
        });
        lowBalance.textProperty().bind(vm.lowBalanceProperty());
        lowBalance.visibleProperty().bind(vm.lowBalanceProperty().isNotEmpty());
        lowBalance.managedProperty().bind(vm.lowBalanceProperty().isNotEmpty());
        mode.textProperty().bind(vm.modeProperty());
        mode.visibleProperty().bind(vm.modeProperty().isNotEmpty());
        mode.managedProperty().bind(vm.modeProperty().isNotEmpty());
    }

    private static void styleWith(Label l, String style) {
        l.getStyleClass().removeIf(c -> c.startsWith("state-"));
        l.getStyleClass().add(style);
    }
}
