package ma.hanout.ui;

import java.util.function.Supplier;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/** Dialogs as JavaFX alerts over the main window, in its language and direction; notes as ControlsFX notifications. */
public final class FxDialogService implements DialogService {
    private final I18n i18n;
    private final Supplier<Window> owner;

    public FxDialogService(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType yes = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(i18n.get("action.back"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message, yes, no);
        // the safe answer is the default: Enter twice must not cancel or resend by accident
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(no)).setDefaultButton(true);
        ((javafx.scene.control.Button) a.getDialogPane().lookupButton(yes)).setDefaultButton(false);
        a.getDialogPane().lookupButton(yes).setId("dialog-confirm");
        a.getDialogPane().lookupButton(yes).getStyleClass().add("primary");
        a.getDialogPane().lookupButton(no).setId("dialog-back");
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    @Override
    public void showError(String title, String message) {
        Alert a = alert(Alert.AlertType.WARNING, title, message, ButtonType.OK);
        a.getDialogPane().lookupButton(ButtonType.OK).setId("dialog-ok");
        a.showAndWait();
    }

    @Override
    public void notify(String message) {
        Window w = owner.get();
        if (w == null || !w.isShowing()) {
            return;
        }
        Notifications.create().owner(w).text(message).hideAfter(Duration.seconds(4)).showInformation();
    }

    @Override
    public java.util.Optional<java.nio.file.Path> saveFile(String title, String suggestedName, String filterName,
            String pattern) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter(filterName, pattern));
        java.io.File f = chooser.showSaveDialog(owner.get());
        return f == null ? java.util.Optional.empty() : java.util.Optional.of(f.toPath());
    }

    /** "06 27 78 12 09" with no-break spaces between digit groups, so a dialog never wraps it. */
    static String keepNumbersWhole(String message) {
        return message == null ? null : message.replaceAll("(?<=\\d) (?=\\d)", "\u00a0");
    }

    private Alert alert(Alert.AlertType type, String title, String message, ButtonType... buttons) {
        // a phone number stays on one line: its groups are joined by no-break spaces
        Alert a = new Alert(type, keepNumbersWhole(message), buttons);
        a.setTitle(title);
        a.setHeaderText(title);
        // the app's own look, not the stock one: its colours and type, no generic icon
        a.setGraphic(null);
        a.getDialogPane().getStyleClass().add("hanout-dialog");
        a.getDialogPane().setMinWidth(480);
        Window w = owner.get();
        if (w != null) {
            a.initOwner(w);
            if (w.getScene() != null) {
                a.getDialogPane().getStylesheets().setAll(w.getScene().getStylesheets());
            }
        }
        a.getDialogPane().setNodeOrientation(
                i18n.language().isRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        return a;
    }
}
