package ma.hanout.ui;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import ma.hanout.domain.InvalidPhoneException;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;

/**
 * The first screen until the counter lands: checks a number the way the counter will (domain
 * rules, translated reasons, operator hint).
 */
final class PhoneCheckView {
    private PhoneCheckView() {
    }

    static Parent create(I18n i18n) {
        Label title = new Label(i18n.get("app.title"));
        title.getStyleClass().add("title");
        Label soon = new Label(i18n.get("shell.counter_soon"));
        soon.setWrapText(true);
        TextField phone = new TextField();
        phone.setId("phone");
        phone.setPromptText(i18n.get("counter.phone.prompt"));
        phone.setMaxWidth(320);
        Button check = new Button(i18n.get("shell.check"));
        check.setId("check");
        check.setDefaultButton(true);
        Label result = new Label();
        result.setId("result");
        result.setWrapText(true);
        check.setOnAction(e -> {
            try {
                Phone p = Phone.parse(phone.getText());
                String hint = Operator.hintFor(p).map(Operator::displayName).orElse("?");
                result.setText(i18n.get("shell.valid", p.display(), hint));
                result.getStyleClass().setAll("label", "ok");
            } catch (InvalidPhoneException ex) {
                result.setText(i18n.get(ex.code()));
                result.getStyleClass().setAll("label", "error");
            }
        });
        VBox box = new VBox(16, title, soon, phone, check, result);
        box.setPadding(new Insets(32));
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }
}
