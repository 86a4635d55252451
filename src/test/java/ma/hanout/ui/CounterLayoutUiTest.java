package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import ma.hanout.domain.Language;
import ma.hanout.domain.Sale;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.sale.SaleStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Nothing a cashier must read is cut: in each of the four languages, at 1280x800 and 1366x768, the
 * counter after a big sale (the number, 10 000,00 DH, Maroc Telecom, a two-line message) and the
 * history with a failed sale's details. Every visible label shows its whole text (the skin's text
 * node holds what is drawn: an ellipsis there is a cut) and every node stays inside the window.
 * French and Arabic at 1280x800 are also written as PNGs under {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
class CounterLayoutUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int[][] SIZES = {{1280, 800}, {1366, 768}};

    private Stage stage;
    private Path home;
    private DemoShopFixture shop;
    private FxBackgroundWork work;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws IOException {
        if (work != null) {
            work.close();
        }
        if (shop != null) {
            shop.close();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void openShop() throws Exception {
        home = Files.createTempDirectory("hanout-layout");
        shop = DemoShopFixture.open(home, true).awaitOnline();
        work = new FxBackgroundWork();
        shop.context().seedDemoShopIfNew();
    }

    private void show(Language lang) {
        fx(() -> {
            Scene scene = HanoutApp.createScene(lang, new MainWindow.Services(shop.access(), work,
                    Clock.systemDefaultZone(), l -> { }));
            stage.setScene(scene);
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyLanguageAtBothSizes() throws Exception {
        openShop();
        // one shop for the four languages: its history grows by each language's two sales
        for (Language lang : new Language[] {Language.FR, Language.AR, Language.EN, Language.ES}) {
            check(lang, lang == Language.FR || lang == Language.AR);
        }
        // the queue while offline: a sale waiting for the connection, in French and Arabic
        shop.goOffline();
        shop.engine().sell(new ma.hanout.engine.SaleRequest(ma.hanout.domain.Phone.parse("0661234512"),
                ma.hanout.domain.Operator.MAROC_TELECOM, ma.hanout.domain.Money.ofMad(20), ma.hanout.domain.Promo.PLAIN,
                null, Sale.Origin.COUNTER, null));
        for (Language lang : new Language[] {Language.FR, Language.AR}) {
            show(lang);
            FxRobot robot = new FxRobot();
            robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
            String reason = new I18n(lang).get("queue.reason.offline");
            Eventually.await(WAIT, "the queued sale with its reason", () -> fx(() -> robot.lookup("#queue-table")
                    .tryQuery().isPresent() && robot.lookup(reason).tryQuery().isPresent()));
            shoot("queue-" + lang.code());
            assertLaidOut(lang, "queue");
        }
    }

    private void check(Language lang, boolean screenshots) throws Exception {
        show(lang);
        FxRobot robot = new FxRobot();

        // the biggest sale a counter makes, on the longest operator name
        robot.clickOn("#phone");
        robot.write("0661234567", 0);
        robot.type(KeyCode.M);
        robot.type(KeyCode.F8);
        robot.write("10000", 0);
        robot.type(KeyCode.ENTER);
        Eventually.await(WAIT, "the read-back", () -> fx(() -> robot.lookup("#confirmPhone").tryQuery().isPresent()
                && robot.lookup("#confirmPhone").query().isVisible()));
        if (screenshots) {
            shoot("confirm-" + lang.code());
        }
        assertLaidOut(lang, "read-back");
        robot.type(KeyCode.ENTER);
        // more than the demo account holds: refused, with its two-line explanation on the card
        awaitOutcome(robot, lang, SaleStage.FAILED);
        assertLaidOut(lang, "counter after a refusal");

        // and an ordinary sale, as the screenshot shows it
        robot.write("0661234567", 0);
        robot.type(KeyCode.M);
        robot.type(KeyCode.F2);
        robot.type(KeyCode.ENTER);
        Eventually.await(WAIT, "the read-back", () -> fx(() -> robot.lookup("#confirmPhone").tryQuery().isPresent()
                && robot.lookup("#confirmPhone").query().isVisible()));
        robot.type(KeyCode.ENTER);
        awaitOutcome(robot, lang, SaleStage.DONE);
        if (screenshots) {
            shoot("counter-" + lang.code());
        }
        assertLaidOut(lang, "counter");

        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
        TableView<?> table = robot.lookup("#history-table").queryAs(TableView.class);
        Eventually.await(WAIT, "the history listed", () -> fx(() -> table.getItems().size() >= 20));
        // the failed sample (a line that does not exist), with its details and timeline
        fx(() -> {
            @SuppressWarnings("unchecked")
            TableView<Sale> t = (TableView<Sale>) table;
            t.getItems().stream().filter(s -> s.phone().national().equals("0612340004")).findFirst()
                    .ifPresent(s -> t.getSelectionModel().select(s));
            return null;
        });
        TableView<?> timeline = robot.lookup("#history-timeline").queryAs(TableView.class);
        Eventually.await(WAIT, "the failed sale's timeline", () -> fx(() -> !timeline.getItems().isEmpty()));
        if (screenshots) {
            shoot("history-" + lang.code());
        }
        assertLaidOut(lang, "history");
    }

    private static void awaitOutcome(FxRobot robot, Language lang, SaleStage stage) {
        String label = new I18n(lang).get(stage.labelKey());
        Eventually.await(WAIT, "the sale " + stage, () -> fx(() -> ((Labeled) robot.lookup("#currentTitle").query())
                .getText().equals(label)));
    }

    /** At every size: each visible label whole and each node inside the window. */
    private void assertLaidOut(Language lang, String screen) {
        for (int[] size : SIZES) {
            fx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            List<String> problems = fx(() -> {
                Scene scene = stage.getScene();
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                List<String> out = new ArrayList<>();
                walk(scene.getRoot(), scene, out);
                return out;
            });
            assertThat(problems).as(lang + " " + screen + " at " + size[0] + "x" + size[1]).isEmpty();
        }
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void walk(Node n, Scene scene, List<String> out) {
        if (!n.isVisible() || n.getOpacity() == 0) {
            return;
        }
        boolean inList = isInsideVirtualFlow(n);
        if (!inList) {
            Bounds b = n.localToScene(n.getLayoutBounds());
            if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < -1 || b.getMinY() < -1
                    || b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1)) {
                out.add("outside the window: " + describe(n) + " " + b);
            }
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && isShown(l)
                && isCutByTheListsEdge(l)) {
            out.add("cut by the edge of its table: " + describe(n));
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && isShown(l)) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && !t.getText().equals(l.getText())) {
                    out.add("cut: " + describe(n) + " shows '" + t.getText() + "' of '" + l.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, scene, out);
            }
        }
    }

    /** A cell or row of a table or list that is in view (the flow keeps spare ones out of sight). */
    private static boolean isShown(Labeled l) {
        if (!isInsideVirtualFlow(l)) {
            return true;
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        Node flow = l;
        while (flow != null && !(flow instanceof javafx.scene.control.skin.VirtualFlow<?>)) {
            flow = flow.getParent();
        }
        Bounds f = flow.localToScene(flow.getLayoutBounds());
        return b.getMinY() >= f.getMinY() && b.getMaxY() <= f.getMaxY() + 1;
    }

    /** A cell in view whose text runs past the side of its table (a column pushed out of sight). */
    private static boolean isCutByTheListsEdge(Labeled l) {
        Node flow = l;
        while (flow != null && !(flow instanceof javafx.scene.control.skin.VirtualFlow<?>)) {
            flow = flow.getParent();
        }
        if (flow == null) {
            return false;
        }
        Bounds b = l.localToScene(l.getLayoutBounds());
        Bounds f = flow.localToScene(flow.getLayoutBounds());
        double minX = f.getMinX();
        double maxX = f.getMaxX();
        // the vertical scroll bar covers the side of the rows it stands on
        for (Node bar : flow.lookupAll(".scroll-bar")) {
            if (bar instanceof javafx.scene.control.ScrollBar sb && sb.isVisible()
                    && sb.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                Bounds sbb = sb.localToScene(sb.getLayoutBounds());
                if (sbb.getMinX() > (minX + maxX) / 2) {
                    maxX = Math.min(maxX, sbb.getMinX());
                } else {
                    minX = Math.max(minX, sbb.getMaxX());
                }
            }
        }
        return b.getMaxX() > maxX + 1 || b.getMinX() < minX - 1;
    }

    private static boolean isInsideVirtualFlow(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof javafx.scene.control.skin.VirtualFlow<?>) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Node n) {
        String id = n.getId() != null ? "#" + n.getId() : "";
        String text = n instanceof Labeled l ? " '" + l.getText() + "'" : "";
        return n.getClass().getSimpleName() + id + n.getStyleClass() + text;
    }

    private void shoot(String name) throws IOException {
        WritableImage image = fx(() -> stage.getScene().snapshot(null));
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        PixelReader r = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        ImageIO.write(out, "png", dir.resolve(name + ".png").toFile());
    }
}
