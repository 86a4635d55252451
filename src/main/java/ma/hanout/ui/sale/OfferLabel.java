package ma.hanout.ui.sale;

import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Promo;
import ma.hanout.ui.I18n;

/**
 * An offer as the cashier knows it: its dialled code ({@code *6}) beside what it gives. The code is
 * a node of its own so that it reads {@code *6} in Arabic too.
 */
public final class OfferLabel {
    private OfferLabel() {
    }

    /**
     * The code of {@code promo} ({@code *6}) as a small node; null for a plain recharge. The star
     * and the digit are laid out side by side rather than as one text: in a right-to-left window
     * JavaFX draws the text {@code *6} as {@code 6*}, even in a left-to-right label.
     */
    public static Node code(Promo promo) {
        if (promo.isPlain()) {
            return null;
        }
        Label star = new Label("*");
        Label digit = new Label(Integer.toString(promo.type()));
        HBox code = new HBox(star, digit);
        code.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        code.setAlignment(Pos.CENTER_LEFT);
        code.getStyleClass().add("offer-code");
        code.setMinWidth(Region.USE_PREF_SIZE);
        return code;
    }

    /** Code and name together, for details and read-backs. */
    public static Node of(Promo promo, Operator operator, I18n i18n) {
        Label name = new Label(i18n.get(promo.labelKey(operator)));
        Node code = code(promo);
        if (code == null) {
            return name;
        }
        HBox box = new HBox(6, code, name);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
