package ma.hanout.ui;

import java.util.Map;

import javafx.application.Application;
import javafx.geometry.NodeOrientation;
import javafx.scene.Scene;
import javafx.stage.Stage;
import ma.hanout.domain.Language;

/** The desktop application. Started by {@code Main} with no argument. */
public final class HanoutApp extends Application {

    @Override
    public void start(Stage stage) {
        Map<String, String> named = getParameters().getNamed();
        Language lang = Language.fromCode(named.get("lang")).orElse(Language.FR);
        stage.setTitle("Hanout");
        stage.setScene(createScene(lang));
        stage.show();
    }

    /** The main scene in {@code lang}; Arabic lays the whole scene out right to left. */
    public static Scene createScene(Language lang) {
        I18n i18n = new I18n(lang);
        Scene scene = new Scene(PhoneCheckView.create(i18n), 900, 620);
        scene.setNodeOrientation(lang.isRightToLeft() ? NodeOrientation.RIGHT_TO_LEFT : NodeOrientation.LEFT_TO_RIGHT);
        scene.getStylesheets().add(HanoutApp.class.getResource("hanout.css").toExternalForm());
        return scene;
    }
}
