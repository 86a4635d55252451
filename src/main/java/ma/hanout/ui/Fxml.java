package ma.hanout.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;

import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a screen's FXML (beside its view class in resources) with the bundle and the given controller. */
public final class Fxml {
    private Fxml() {
    }

    /** Loads {@code name} from the package of {@code controller}'s class, wired to {@code controller}. */
    public static Parent load(Object controller, String name, I18n i18n) {
        URL url = controller.getClass().getResource(name);
        if (url == null) {
            throw new IllegalStateException("missing FXML " + name + " beside " + controller.getClass().getName());
        }
        FXMLLoader loader = new FXMLLoader(url, i18n.bundle());
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
