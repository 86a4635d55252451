package ma.hanout.ui.pin;

import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import ma.hanout.ui.I18n;

/**
 * The PIN pad over the whole window: a user, a PIN (typed or tapped on the keys), OK. Draws
 * {@link PinPadViewModel}; while it shows, nothing behind it can be reached.
 */
public final class PinPadView {
    private final PinPadViewModel vm;
    private final I18n i18n;
    private PasswordField pinField;
    private ComboBox<String> userBox;
    private TextField ownerName;

    public PinPadView(PinPadViewModel vm, I18n i18n) {
        this.vm = vm;
        this.i18n = i18n;
    }

    public Node create() {
        Label title = new Label();
        title.getStyleClass().add("confirm-title");
        title.setId("pin-title");
        title.setWrapText(true);

        userBox = new ComboBox<>(vm.users());
        userBox.setId("pin-user");
        userBox.setMaxWidth(Double.MAX_VALUE);
        userBox.valueProperty().bindBidirectional(vm.userProperty());
        ownerName = new TextField();
        ownerName.setId("owner-name");
        ownerName.setPromptText(i18n.get("pin.owner_name"));
        ownerName.textProperty().bindBidirectional(vm.userProperty());

        pinField = new PasswordField();
        pinField.setId("pin-field");
        pinField.setPromptText(i18n.get("pin.prompt"));
        pinField.textProperty().bindBidirectional(vm.pinProperty());
        pinField.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        PasswordField again = new PasswordField();
        again.setId("pin-again");
        again.setPromptText(i18n.get("pin.again"));
        again.textProperty().bindBidirectional(vm.pinAgainProperty());
        again.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);

        GridPane keys = new GridPane();
        keys.setHgap(8);
        keys.setVgap(8);
        keys.setAlignment(Pos.CENTER);
        // digits are laid out as on a phone in every language
        keys.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        for (int d = 1; d <= 9; d++) {
            keys.add(key(Integer.toString(d), d), (d - 1) % 3, (d - 1) / 3);
        }
        Button back = new Button("\u232b");
        back.setId("pin-back");
        back.getStyleClass().add("pin-key");
        back.setOnAction(e -> vm.backspace());
        back.setFocusTraversable(false);
        keys.add(back, 0, 3);
        keys.add(key("0", 0), 1, 3);
        Button ok = new Button(i18n.get("pin.ok"));
        ok.setId("pin-ok");
        ok.getStyleClass().addAll("pin-key", "primary");
        ok.setOnAction(e -> vm.submit());
        ok.disableProperty().bind(vm.busyProperty());
        keys.add(ok, 2, 3);

        Label message = new Label();
        message.setId("pin-message");
        message.getStyleClass().add("field-error");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        message.managedProperty().bind(vm.messageProperty().isNotEmpty());

        Button cancel = new Button(i18n.get("pin.cancel"));
        cancel.setId("pin-cancel");
        cancel.setOnAction(e -> vm.cancel());

        VBox card = new VBox(12, title, userBox, ownerName, pinField, again, keys, message, cancel);
        card.getStyleClass().addAll("card", "confirm-card", "pin-card");
        card.setPadding(new Insets(22, 26, 22, 26));
        card.setMaxWidth(380);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setFillWidth(true);

        StackPane scrim = new StackPane(card);
        scrim.setId("pin-pad");
        scrim.getStyleClass().add("scrim");
        scrim.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                vm.submit();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                vm.cancel();
                e.consume();
            }
        });
        Runnable render = () -> {
            PinPadViewModel.Mode m = vm.modeProperty().get();
            scrim.setVisible(m != PinPadViewModel.Mode.HIDDEN);
            boolean create = m == PinPadViewModel.Mode.CREATE_OWNER;
            show(userBox, !create);
            show(ownerName, create);
            show(again, create);
            show(cancel, m == PinPadViewModel.Mode.OWNER_CHECK || m == PinPadViewModel.Mode.CLOSE_CHECK);
            title.setText(switch (m) {
                case CREATE_OWNER -> i18n.get("pin.create_owner");
                case OWNER_CHECK -> i18n.get("pin.owner_check");
                case CLOSE_CHECK -> i18n.get("pin.close_check", vm.closeFor());
                default -> i18n.get("pin.title");
            });
            if (m != PinPadViewModel.Mode.HIDDEN) {
                javafx.application.Platform.runLater(() -> (create ? ownerName : pinField).requestFocus());
            }
        };
        vm.modeProperty().addListener((obs, was, now) -> render.run());
        render.run();
        return scrim;
    }

    private Button key(String label, int digit) {
        Button b = new Button(label);
        b.setId("pin-key-" + digit);
        b.getStyleClass().add("pin-key");
        b.setFocusTraversable(false);
        b.setOnAction(e -> {
            vm.digit(digit);
            pinField.requestFocus();
            pinField.end();
        });
        return b;
    }

    private static void show(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }
}
