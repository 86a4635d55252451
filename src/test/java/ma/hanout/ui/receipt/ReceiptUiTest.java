package ma.hanout.ui.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import ma.hanout.app.Receipts;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleRequest;
import ma.hanout.receipt.FakeThermalPrinter;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.FxBackgroundWork;
import ma.hanout.ui.HanoutApp;
import ma.hanout.ui.MainWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Receipts in the real window (Monocle) on the demo shop and a fake network printer on loopback:
 * a counter sale prints by itself when it succeeds, history reprints a numbered copy and previews it.
 */
@ExtendWith(ApplicationExtension.class)
class ReceiptUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Screenshots to look at, taken when HANOUT_SHOTS is set: target/receipt-ui/*.png */
    private static final Path SHOTS = Path.of("target", "receipt-ui");

    private Path home;
    private DemoShopFixture shop;
    private FxBackgroundWork work;
    private FakeThermalPrinter printer;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        home = Files.createTempDirectory("hanout-receipt-ui");
        shop = DemoShopFixture.open(home, true);
        printer = FakeThermalPrinter.answering();
        shop.context().settings().put(Receipts.PRINTER_URI, printer.uri());
        shop.context().settings().put(Receipts.SHOP_NAME, "Hanout Al Baraka");
        work = new FxBackgroundWork();
        show(Language.FR);
    }

    private void show(Language lang) {
        Scene scene = HanoutApp.createScene(lang, new MainWindow.Services(shop.access(), work, Clock.systemDefaultZone(),
                l -> { }, null, ma.hanout.ui.OfficeAccess.none(), ReceiptAccess.of(shop.context().receipts(Duration.ofSeconds(10)))));
        stage.setScene(scene);
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() throws IOException {
        work.close();
        printer.close();
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
        Eventually.await(WAIT, query + " showing '" + expected + "'", () -> text(robot, query).contains(expected));
    }

    private void sellByKeyboard(FxRobot robot, String phone) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.write(phone);
        robot.type(KeyCode.O);
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ENTER);
        awaitText(robot, "#confirmPhone", phone.substring(0, 2));
        robot.type(KeyCode.ENTER);
    }

    @Test
    void aCounterSalePrintsItsReceiptWhenItSucceeds(FxRobot robot) throws Exception {
        shop.context().settings().put(Receipts.PRINT_MODE, "always");
        sellByKeyboard(robot, "0612345678");
        String job = new String(printer.nextJob(), "cp858");
        Sale sold = shop.engine().reads().recent(1).get(0);
        assertThat(job).contains("REÇU DE RECHARGE", sold.externalReference(), "Hanout Al Baraka", "DÉMO");
        awaitText(robot, "#receipt-message", "Reçu imprimé");
        assertThat(fx(() -> robot.lookup("#phone").query().getScene().getFocusOwner().getId()))
                .as("the phone field keeps the keyboard").isEqualTo("phone");
        shot("counter-fr");
    }

    @Test
    void askModeShowsASmallPromptInArabicAndPrintsFromIt(FxRobot robot) throws Exception {
        fx(() -> {
            show(Language.AR);
            return null;
        });
        sellByKeyboard(robot, "0612345678");
        Eventually.await(WAIT, "the print prompt", () -> fx(() -> robot.lookup("#receipt-ask").query().isVisible()));
        assertThat(printer.hasJob()).isFalse();
        shot("counter-ar");
        robot.clickOn("#receipt-preview");
        Eventually.await(WAIT, "the preview window", () -> fx(() -> previewWindow() != null));
        shot("preview-ar", previewWindow().getScene());
        fx(() -> {
            ((Button) previewWindow().getScene().lookup("#receipt-preview-close")).fire();
            return null;
        });
        robot.clickOn("#receipt-print");
        assertThat(printer.nextJob().length).as("an Arabic raster").isGreaterThan(10_000);
        Eventually.await(WAIT, "the prompt gone", () -> fx(() -> !robot.lookup("#receipt-ask").query().isVisible()));
    }

    @Test
    void historyReprintsANumberedCopyAndPreviewsIt(FxRobot robot) throws Exception {
        // any recorded sale can be reprinted: no need to wait for its final status
        Sale s = shop.engine().sell(new SaleRequest(Phone.parse("0622222222"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                null, Sale.Origin.COUNTER, null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
        Eventually.await(WAIT, "history listed", () -> fx(() -> table.getItems().size()) >= 1);
        fx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        Eventually.await(WAIT, "reprint offered", () -> fx(() -> robot.lookup("#history-reprint").query().isVisible()));
        robot.clickOn("#history-reprint");
        assertThat(new String(printer.nextJob(), "cp858")).contains("DUPLICATA", "Copie n° 2", s.externalReference());
        awaitText(robot, "#history-receipt-message", "Duplicata n° 2 imprimé");
        shot("history-fr");

        robot.clickOn("#history-preview");
        Eventually.await(WAIT, "the preview window", () -> fx(() -> previewWindow() != null));
        shot("preview-fr", previewWindow().getScene());
        ImageView image = fx(() -> (ImageView) previewWindow().getScene().lookup("#receipt-preview-image"));
        assertThat(fx(() -> image.getImage().getWidth())).isEqualTo(576.0);
        assertThat(fx(() -> ((Stage) previewWindow()).getTitle())).contains(s.externalReference());
        fx(() -> {
            ((Button) previewWindow().getScene().lookup("#receipt-preview-close")).fire();
            return null;
        });
        Eventually.await(WAIT, "the preview closed", () -> fx(() -> previewWindow() == null));
    }

    private Window previewWindow() {
        return Window.getWindows().stream().filter(w -> w != stage && w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#receipt-preview-image") != null).findFirst().orElse(null);
    }

    private void shot(String name) throws IOException {
        shot(name, stage.getScene());
    }

    private void shot(String name, Scene scene) throws IOException {
        if (System.getenv("HANOUT_SHOTS") == null) {
            return; // copying a million pixels costs seconds under load: only when someone will look
        }
        WritableImage img = fx(() -> scene.snapshot(null));
        BufferedImage out = new BufferedImage((int) img.getWidth(), (int) img.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Files.createDirectories(SHOTS);
        ImageIO.write(out, "png", SHOTS.resolve(name + ".png").toFile());
    }
}
