package ma.hanout.ui;

import java.util.EnumMap;
import java.util.Map;

import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import ma.hanout.domain.Operator;

/** The operators' logos (drawn for Hanout, in the brands' colours), loaded once. */
public final class Logos {
    private static final Map<Operator, Image> IMAGES = new EnumMap<>(Operator.class);

    private Logos() {
    }

    /** The logo of {@code operator} as a view {@code size} pixels high. */
    public static ImageView view(Operator operator, double size) {
        ImageView v = new ImageView(image(operator));
        v.setFitHeight(size);
        v.setFitWidth(size);
        v.setPreserveRatio(true);
        v.setSmooth(true);
        return v;
    }

    /** The file name of the logo in resources and {@code assets/}: {@code maroc_telecom.png}. */
    public static String fileName(Operator operator) {
        return operator.name().toLowerCase(java.util.Locale.ROOT) + ".png";
    }

    private static synchronized Image image(Operator operator) {
        return IMAGES.computeIfAbsent(operator,
                o -> new Image(Logos.class.getResource("logos/" + fileName(o)).toExternalForm(), true));
    }
}
