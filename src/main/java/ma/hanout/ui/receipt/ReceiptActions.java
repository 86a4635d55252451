package ma.hanout.ui.receipt;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import ma.hanout.domain.Sale;
import ma.hanout.receipt.ReceiptKind;
import ma.hanout.receipt.ReceiptLayout;
import ma.hanout.ui.I18n;

/** History's receipt buttons for the selected sale: Reprint (a numbered copy), Preview, and the not-delivered slip. */
public final class ReceiptActions {
    private final ReceiptViewModel vm;
    private final ObservableValue<Sale> selected;

    public ReceiptActions(ReceiptViewModel vm, ObservableValue<Sale> selected) {
        this.vm = vm;
        this.selected = selected;
    }

    public Node create() {
        I18n i18n = vm.i18n();
        Button reprint = new Button(i18n.get("receipt.ui.reprint"));
        reprint.setId("history-reprint");
        Button preview = new Button(i18n.get("receipt.ui.preview"));
        preview.setId("history-preview");
        Button slip = new Button(i18n.get("receipt.ui.not_delivered_slip"));
        slip.setId("history-slip");
        Label message = new Label();
        message.setId("history-receipt-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());

        BooleanBinding some = Bindings.createBooleanBinding(() -> selected.getValue() != null, selected);
        BooleanBinding failed = Bindings.createBooleanBinding(
                () -> selected.getValue() != null && ReceiptLayout.isNotDelivered(selected.getValue()), selected);
        slip.visibleProperty().bind(failed);
        slip.managedProperty().bind(failed);
        reprint.disableProperty().bind(vm.printingProperty());
        slip.disableProperty().bind(vm.printingProperty());

        reprint.setOnAction(e -> vm.reprint(selected.getValue()));
        preview.setOnAction(e -> {
            Sale s = selected.getValue();
            boolean notDelivered = ReceiptLayout.isNotDelivered(s);
            vm.preview(s, notDelivered ? ReceiptKind.NOT_DELIVERED : ReceiptKind.SALE, !notDelivered);
        });
        slip.setOnAction(e -> vm.print(selected.getValue(), ReceiptKind.NOT_DELIVERED));

        VBox box = new VBox(6, new FlowPane(8, 6, reprint, preview, slip), message);
        box.setId("history-receipt");
        box.visibleProperty().bind(some);
        box.managedProperty().bind(some);
        return box;
    }
}
