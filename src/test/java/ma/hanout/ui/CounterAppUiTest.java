package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleRequest;
import ma.hanout.testing.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The cashier's app headless (Monocle) on the real engine and the embedded simulator, driven the
 * way a cashier drives it: by keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class CounterAppUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path home;
    private DemoShopFixture shop;
    private FxBackgroundWork work;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory("hanout-ui");
        shop = DemoShopFixture.open(home, true);
        work = new FxBackgroundWork();
        stage.setScene(HanoutApp.createScene(Language.FR, new MainWindow.Services(shop.access(), work,
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

    private String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void awaitText(FxRobot robot, String query, String expected) {
        Eventually.await(WAIT, query + " showing '" + expected + "' (now '" + text(robot, query) + "')",
                () -> text(robot, query).contains(expected));
    }

    @Test
    void aFullSaleByKeyboardOnlyReachesDone(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> robot.lookup("#phone").query().isFocused() || robot.lookup("#phone").query().getScene()
                .getFocusOwner() == robot.lookup("#phone").query())).as("the phone field waits for the number").isTrue();
        robot.write("0612345678");
        assertThat(fx(() -> robot.lookup("#phone").queryAs(TextField.class).getText())).isEqualTo("06 12 34 56 78");
        robot.type(KeyCode.M);
        robot.write("*6");
        assertThat(fx(() -> robot.lookup("#promo-6").queryAs(javafx.scene.control.ToggleButton.class).isSelected()))
                .as("the operator's offers are shown and *6 picked").isTrue();
        robot.type(KeyCode.F3);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#confirmPhone", "06 12 34 56 78");
        assertThat(text(robot, "#confirmOperator")).isEqualTo("Maroc Telecom");
        assertThat(text(robot, "#confirmOffer")).isEqualTo("Pass Internet");
        assertThat(text(robot, "#confirmAmount")).isEqualTo("20,00 DH");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#currentTitle", "Effectuée");
        assertThat(text(robot, "#currentAdvice")).startsWith("C'est fait");
        Sale sold = shop.engine().reads().recent(1).get(0);
        assertThat(sold.operator()).isEqualTo(Operator.MAROC_TELECOM);
        assertThat(sold.promo()).isEqualTo(new Promo(6));
        assertThat(sold.value()).isEqualTo(Money.ofMad(20));
        assertThat(fx(() -> robot.lookup("#phone").queryAs(TextField.class).getText())).as("ready for the next").isEmpty();
    }

    @Test
    void aFailingScenarioNumberShowsFailedWithItsMeaning(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("0612340004");
        robot.type(KeyCode.O);
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#confirmPhone", "06 12 34 00 04");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#currentTitle", "Échouée");
        assertThat(text(robot, "#currentMeaning")).isEqualTo("Cette ligne est inexistante");
        assertThat(text(robot, "#currentAdvice")).isEqualTo("Vérifiez le numéro avec le client, et rendez-lui l'argent.");
    }

    @Test
    void switchingLanguageKeepsTheSaleInFlightTheSaleBeingTypedAndTheScreen(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("0612345678", 0);
        robot.type(KeyCode.I);
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#confirmPhone", "06 12 34 56 78");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#currentTitle", "Effectuée");
        robot.write("0661234567", 0);

        robot.clickOn("#lang-ar");
        awaitText(robot, "#currentTitle", "تمت");
        assertThat(text(robot, "#currentMeaning")).as("the sale in flight, now explained in Arabic").isNotEmpty();
        assertThat(fx(() -> robot.lookup("#phone").queryAs(TextField.class).getText()))
                .as("the number being typed").isEqualTo("06 61 23 45 67");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        Eventually.await(WAIT, "the history", () -> fx(() -> robot.lookup("#history-table").tryQuery().isPresent()
                && robot.lookup("#history-table").query().isVisible()));
        robot.clickOn("#lang-fr");
        Eventually.await(WAIT, "the history, in French", () -> fx(() -> robot.lookup("Historique").tryQuery().isPresent()
                && robot.lookup("#history-table").tryQuery().map(javafx.scene.Node::isVisible).orElse(false)));
    }

    @Test
    void offlineTheSaleWaitsInTheQueueWhichDrainsWhenTheConnectionComesBack(FxRobot robot) throws IOException {
        shop.awaitOnline();
        shop.goOffline();
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("0661234512");
        robot.type(KeyCode.F1);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#confirmPhone", "06 61 23 45 12");
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#status-connection", "Hors ligne");
        awaitText(robot, "#currentMeaning", "Hors ligne");
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        TableView<?> queue = robot.lookup("#queue-table").queryAs(TableView.class);
        // the row's reason is drawn by a cell after the item arrives: wait for the text itself
        Eventually.await(WAIT, "the sale in the queue with its reason", () -> fx(() -> queue.getItems().size() == 1
                && robot.lookup("Hors ligne : partira au retour de la connexion.").tryQuery().isPresent()));
        shop.comeBack();
        Eventually.await(WAIT, "the queue drained", () -> fx(() -> queue.getItems().isEmpty()));
        awaitText(robot, "#status-connection", "En ligne");
    }

    @Test
    void historyFindsASaleByPhoneAndByReference(FxRobot robot) {
        Sale wanted = null;
        Sale other = null;
        for (String p : new String[] {"0611111111", "0622222222", "0633333333"}) {
            Sale s = shop.engine().sell(new SaleRequest(Phone.parse(p), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                    null, Sale.Origin.COUNTER, null));
            if (p.equals("0622222222")) {
                wanted = s;
            } else if (p.equals("0633333333")) {
                other = s;
            }
        }
        String ref = wanted.externalReference();
        // searched by reference: another sale than the one found by phone, so the wait below can
        // only be met once the reference search has really answered
        String otherRef = other.externalReference();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
        Eventually.await(WAIT, "history listed", () -> fx(() -> table.getItems().size()) == 3);

        robot.clickOn("#history-phone").write("06 22 22", 0);
        robot.type(KeyCode.ENTER);
        Eventually.await(WAIT, "found by phone", () -> fx(() -> table.getItems().size()) == 1);
        assertThat(fx(() -> ((Sale) table.getItems().get(0)).externalReference())).isEqualTo(ref);

        fx(() -> {
            robot.lookup("#history-phone").queryAs(TextField.class).clear();
            return null;
        });
        robot.clickOn("#history-reference").write(otherRef, 0);
        robot.type(KeyCode.ENTER);
        Eventually.await(WAIT, "found by reference", () -> fx(() -> table.getItems().size() == 1
                && ((Sale) table.getItems().get(0)).externalReference().equals(otherRef)));

        robot.clickOn(robot.lookup("#history-table .table-row-cell").nth(0).queryAs(Node.class));
        TableView<?> timeline = robot.lookup("#history-timeline").queryAs(TableView.class);
        Eventually.await(WAIT, "the timeline", () -> fx(() -> !timeline.getItems().isEmpty()));
        assertThat(fx(() -> robot.lookup("Reprint").tryQuery().isPresent())).as("no reprint until receipts").isFalse();
    }
}
