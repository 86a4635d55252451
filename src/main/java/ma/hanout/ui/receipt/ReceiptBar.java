package ma.hanout.ui.receipt;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import ma.hanout.domain.Sale;
import ma.hanout.receipt.ReceiptLayout;
import ma.hanout.ui.I18n;

/**
 * The counter's receipt strip under the current sale: the "print the receipt?" question in ask
 * mode, Print and Preview for a delivered sale, the "not delivered" slip for a failed one, and what
 * the printer said. Its buttons never take the focus from the phone field.
 */
public final class ReceiptBar {
    private final ReceiptViewModel vm;

    public ReceiptBar(ReceiptViewModel vm) {
        this.vm = vm;
    }

    public Node create() {
        I18n i18n = vm.i18n();
        Label ask = new Label(i18n.get("receipt.ui.ask"));
        ask.setId("receipt-ask");
        ask.getStyleClass().add("current-advice");
        ask.setWrapText(true);
        Button print = button("receipt-print", i18n.get("receipt.ui.print"));
        Button preview = button("receipt-preview", i18n.get("receipt.ui.preview"));
        Button skip = button("receipt-skip", i18n.get("receipt.ui.skip"));
        Button slip = button("receipt-slip", i18n.get("receipt.ui.not_delivered_slip"));
        Label message = new Label();
        message.setId("receipt-message");
        message.getStyleClass().add("hint");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());

        BooleanBinding asking = vm.offeredProperty().isNotNull();
        BooleanBinding delivered = Bindings.createBooleanBinding(() -> is(vm.currentProperty().get(), true),
                vm.currentProperty());
        BooleanBinding failed = Bindings.createBooleanBinding(() -> is(vm.currentProperty().get(), false),
                vm.currentProperty());
        show(ask, asking);
        show(skip, asking);
        show(print, delivered);
        show(slip, failed);
        show(preview, delivered.or(failed));
        show(message, vm.messageProperty().isNotEmpty().and(delivered.or(failed)));
        print.disableProperty().bind(vm.printingProperty());
        slip.disableProperty().bind(vm.printingProperty());

        print.setOnAction(e -> {
            if (vm.offeredProperty().get() != null) {
                vm.printOffered();
            } else {
                vm.printCurrent();
            }
        });
        slip.setOnAction(e -> vm.printCurrent());
        preview.setOnAction(e -> vm.previewCurrent());
        skip.setOnAction(e -> vm.dismissOffer());

        FlowPane buttons = new FlowPane(8, 6, print, slip, preview, skip);
        VBox bar = new VBox(6, ask, buttons, message);
        bar.setId("receipt-bar");
        bar.getStyleClass().add("receipt-bar");
        show(bar, delivered.or(failed));
        return bar;
    }

    private static boolean is(Sale s, boolean delivered) {
        if (s == null) {
            return false;
        }
        return delivered ? s.isDelivered() : ReceiptLayout.isNotDelivered(s);
    }

    private static Button button(String id, String text) {
        Button b = new Button(text);
        b.setId(id);
        b.setFocusTraversable(false); // the phone field keeps the keyboard
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return b;
    }

    private static void show(Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }
}
