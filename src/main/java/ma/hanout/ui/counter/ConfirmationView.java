package ma.hanout.ui.counter;

import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.NodeOrientation;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import ma.hanout.ui.Fxml;
import ma.hanout.ui.I18n;
import ma.hanout.ui.KeyCap;
import ma.hanout.ui.Logos;
import ma.hanout.ui.sale.OfferLabel;

/**
 * The read-back over the counter before a sale: the number in large digits, the operator, the offer
 * and the amount, and a warning when the known balance may not cover it. Built on the first sale,
 * not at startup.
 */
final class ConfirmationView {
    private final CounterViewModel vm;
    private final I18n i18n;

    @FXML private StackPane confirmLayer;
    @FXML private Label confirmPhone;
    @FXML private HBox confirmOperatorRow;
    @FXML private Label confirmOperator;
    @FXML private Label confirmOffer;
    @FXML private StackPane confirmOfferCode;
    @FXML private Label confirmAmount;
    @FXML private Label confirmWarning;
    @FXML private javafx.scene.layout.VBox confirmWarningBox;
    @FXML private Label confirmAvailable;
    @FXML private Label confirmCost;
    @FXML private Button confirmSell;
    @FXML private Button confirmBack;

    ConfirmationView(CounterViewModel vm) {
        this.vm = vm;
        this.i18n = vm.i18n();
    }

    Parent create() {
        return Fxml.load(this, "Confirmation.fxml", i18n);
    }

    @FXML
    private void initialize() {
        // digits read left to right, also in an Arabic layout
        confirmPhone.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        confirmAmount.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        confirmAvailable.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        confirmCost.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        confirmSell.disableProperty().bind(vm.busyProperty());
        confirmSell.setGraphic(KeyCap.of(i18n.get("key.enter")));
        confirmSell.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        confirmBack.setGraphic(KeyCap.of(i18n.get("key.escape")));
        confirmBack.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    }

    void show(SaleConfirmation c) {
        confirmPhone.setText(c.phoneDigits());
        confirmOperator.setText(c.operator().displayName());
        confirmOperatorRow.getChildren().setAll(Logos.view(c.operator(), 40), confirmOperator);
        confirmOffer.setText(c.offer());
        javafx.scene.Node code = OfferLabel.code(c.promo());
        if (code == null) {
            confirmOfferCode.getChildren().clear();
        } else {
            confirmOfferCode.getChildren().setAll(code);
        }
        confirmOfferCode.setVisible(!c.promo().isPlain());
        confirmOfferCode.setManaged(!c.promo().isPlain());
        confirmAmount.setText(c.amountText());
        confirmWarning.setText(c.hasWarning() ? c.warning() : "");
        confirmAvailable.setText(c.available() == null ? "" : c.available().display());
        confirmCost.setText(c.estimatedCost() == null ? "" : c.estimatedCost().display());
        confirmWarningBox.setVisible(c.hasWarning());
        confirmWarningBox.setManaged(c.hasWarning());
        confirmLayer.setVisible(true);
        Platform.runLater(confirmSell::requestFocus);
    }

    void hide() {
        confirmLayer.setVisible(false);
    }

    @FXML
    private void confirm() {
        vm.confirmSale();
    }

    @FXML
    private void back() {
        vm.cancelConfirmation();
    }
}
