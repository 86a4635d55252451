package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.NodeOrientation;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import ma.hanout.domain.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.scene.input.KeyCode;

@ExtendWith(ApplicationExtension.class)
class PhoneCheckViewTest {

    @Start
    void start(Stage stage) {
        stage.setScene(HanoutApp.createScene(Language.FR));
        stage.show();
    }

    @Test
    void typedNumberIsCheckedWithTheDomainRulesAndTranslatedReason(FxRobot robot) {
        robot.clickOn("#phone").write("06 12");
        robot.clickOn("#check");
        assertThat(robot.lookup("#result").queryAs(Label.class).getText())
                .isEqualTo("Numéro trop court : il faut 10 chiffres, comme 06 12 34 56 78.");

        robot.clickOn("#phone").write(" 34 56 78");
        robot.type(KeyCode.ENTER);
        assertThat(robot.lookup("#result").queryAs(Label.class).getText())
                .startsWith("Numéro valide : 06 12 34 56 78");
    }

    @Test
    void arabicSceneIsRightToLeft(FxRobot robot) throws Exception {
        var scene = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> HanoutApp.createScene(Language.AR)).get();
        assertThat(scene.getNodeOrientation()).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
    }
}
