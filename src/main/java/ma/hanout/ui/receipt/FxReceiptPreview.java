package ma.hanout.ui.receipt;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import ma.hanout.ui.I18n;

/** The receipt's picture in a window of its own, beside the counter (it blocks nothing). */
public final class FxReceiptPreview implements ReceiptViewModel.PreviewWindow {
    private final I18n i18n;
    private final Supplier<Window> owner;

    public FxReceiptPreview(I18n i18n, Supplier<Window> owner) {
        this.i18n = i18n;
        this.owner = owner;
    }

    @Override
    public void show(String title, byte[] png) {
        Image image = new Image(new ByteArrayInputStream(png));
        ImageView view = new ImageView(image);
        view.setId("receipt-preview-image");
        view.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT); // a picture: never mirrored
        ScrollPane scroll = new ScrollPane(view);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: white;");
        Stage stage = new Stage();
        Button close = new Button(i18n.get("receipt.ui.close"));
        close.setId("receipt-preview-close");
        close.setCancelButton(true);
        close.setDefaultButton(true);
        close.setOnAction(e -> stage.close());
        HBox bar = new HBox(close);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(8));
        BorderPane root = new BorderPane(scroll, null, null, bar, null);
        Window w = owner.get();
        if (w != null) {
            stage.initOwner(w);
        }
        stage.setTitle(title);
        stage.setScene(new Scene(root, image.getWidth() + 36, Math.min(760, image.getHeight() + 70)));
        stage.show();
    }
}
