package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javafx.geometry.Bounds;
import javafx.geometry.NodeOrientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.hanout.domain.Language;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window lays out right to left in Arabic; phone digits still read left to right. */
@ExtendWith(ApplicationExtension.class)
class ArabicLayoutUiTest {
    private Path home;
    private DemoShopFixture shop;
    private FxBackgroundWork work;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory("hanout-ui-ar");
        shop = DemoShopFixture.open(home, false);
        work = new FxBackgroundWork();
        stage.setScene(HanoutApp.createScene(Language.AR, new MainWindow.Services(shop.access(), work,
                Clock.systemDefaultZone(), lang -> { })));
        stage.show();
    }

    @AfterEach
    void close() throws IOException {
        work.close();
        shop.close();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Bounds bounds(FxRobot robot, String query) {
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n.localToScene(n.getBoundsInLocal());
        });
    }

    @Test
    void theArabicWindowIsRightToLeftWithPhoneDigitsLeftToRight(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node form = robot.lookup(".form-card").query();
        assertThat(fx(() -> form.getScene().getNodeOrientation())).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        assertThat(fx(form::getEffectiveNodeOrientation)).isEqualTo(NodeOrientation.RIGHT_TO_LEFT);
        // the form comes first, so it stands on the right; the live status on the left
        assertThat(bounds(robot, ".form-card").getMinX()).isGreaterThan(bounds(robot, ".current-card").getMinX());
        // the brand and the screens on the right of the top bar, the language on the left
        assertThat(bounds(robot, ".brand").getMinX()).isGreaterThan(bounds(robot, "#language").getMinX());
        assertThat(fx(() -> robot.lookup("#sell").queryAs(Button.class).getText())).isEqualTo("بيع");

        TextField phone = robot.lookup("#phone").queryAs(TextField.class);
        assertThat(fx(phone::getEffectiveNodeOrientation)).isEqualTo(NodeOrientation.LEFT_TO_RIGHT);
        robot.write("0612");
        robot.type(KeyCode.ENTER);
        assertThat(fx(() -> phone.getText())).isEqualTo("06 12");
        assertThat(fx(() -> robot.lookup("#formError").queryAs(javafx.scene.control.Label.class).getText()))
                .startsWith("الرقم قصير جداً");

        // an offer's code reads *6, star first, in Arabic too
        robot.type(KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        Node code = robot.lookup("#promo-6 .offer-code").query();
        double[] xs = fx(() -> ((javafx.scene.layout.HBox) code).getChildren().stream()
                .mapToDouble(n -> n.localToScene(n.getBoundsInLocal()).getMinX()).toArray());
        assertThat(xs[0]).as("the star left of the digit").isLessThan(xs[1]);
    }
}
