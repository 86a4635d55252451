package ma.hanout.ui.sale;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import ma.hanout.domain.Sale;
import ma.hanout.ui.I18n;
import ma.hanout.ui.Logos;

/** A sale's status chip, and the one-line row the counter lists recent sales with. */
public final class SaleChip {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private SaleChip() {
    }

    /** A coloured chip naming the stage of {@code sale}. */
    public static Label chip(Sale sale, I18n i18n) {
        SaleStage stage = SaleStage.of(sale);
        Label chip = new Label(i18n.get(stage.labelKey()));
        chip.getStyleClass().addAll("chip", stage.styleClass());
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    /** Time, number, operator, amount and chip on one line. */
    public static Node row(Sale sale, I18n i18n) {
        Label time = new Label(TIME.format(sale.createdAt().atZone(ZoneId.systemDefault())));
        time.getStyleClass().add("muted");
        time.setMinWidth(Region.USE_PREF_SIZE);
        Label phone = new Label(sale.phone().display());
        phone.getStyleClass().add("phone-digits");
        phone.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        phone.setMinWidth(Region.USE_PREF_SIZE);
        Label amount = new Label(sale.value().display());
        amount.setMinWidth(Region.USE_PREF_SIZE);
        amount.getStyleClass().add("amount");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(8, time, Logos.view(sale.operator(), 20), phone, amount, gap, chip(sale, i18n));
        row.setAlignment(Pos.CENTER_LEFT);
        row.getStyleClass().add("sale-row");
        // take the cell's width, never more: the gap shrinks, no horizontal scroll bar
        row.setMinWidth(0);
        row.setPrefWidth(0);
        return row;
    }
}
