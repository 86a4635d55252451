package ma.hanout.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor of {@link StartupBench}: the smallest JavaFX window with a focused text field,
 * started and measured exactly like the app (prints the marker once the field has the focus).
 */
public final class MinimalWindow {
    private MinimalWindow() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** The window itself; public because JavaFX instantiates it. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            TextField field = new TextField();
            Scene scene = new Scene(new StackPane(field), 1180, 760);
            stage.setScene(scene);
            stage.show();
            scene.focusOwnerProperty().addListener((obs, was, now) -> ready(scene, field));
            Platform.runLater(() -> {
                field.requestFocus();
                ready(scene, field);
            });
        }

        private boolean done;

        private void ready(Scene scene, TextField field) {
            if (!done && scene.getFocusOwner() == field && scene.getWindow().isShowing()) {
                done = true;
                System.out.println(StartupBench.MARKER);
                System.out.flush();
            }
        }
    }
}
