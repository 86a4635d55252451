package ma.hanout.ui.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import ma.hanout.app.ConnectionSettings;
import ma.hanout.app.EngineHolder;
import ma.hanout.app.Office;
import ma.hanout.app.Receipts;
import ma.hanout.app.ShopSession;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Role;
import ma.hanout.domain.Sale;
import ma.hanout.domain.Shift;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.receipt.EscPosDecoder;
import ma.hanout.receipt.FakeThermalPrinter;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.AnsweringDialogs;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.EngineAccess;
import ma.hanout.ui.FxBackgroundWork;
import ma.hanout.ui.HanoutApp;
import ma.hanout.ui.MainWindow;
import ma.hanout.ui.OfficeAccess;
import ma.hanout.ui.office.OfficeView;
import ma.hanout.ui.receipt.ReceiptAccess;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A signed-in cashier's own till (Ctrl+5) in the real window, on a demo shop with staff: they open
 * their shift, a wrong PIN keeps it open, their PIN closes it, and its report goes to a fake network
 * printer on loopback and into a PDF through the save dialog the test answers.
 */
@SuppressWarnings("unchecked")
@ExtendWith(ApplicationExtension.class)
class ShiftCloseUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path home;
    private EngineHolder holder;
    private FxBackgroundWork work;
    private FakeThermalPrinter printer;
    private final AnsweringDialogs dialogs = new AnsweringDialogs();
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        home = Files.createTempDirectory("hanout-shift-ui");
        holder = EngineHolder.open(home.resolve("shop"), ConnectionSettings.Flags.NONE,
                Map.of("HANOUT_KEY_DIR", home.resolve("keys").toString()), Clock.systemDefaultZone(),
                DemoShopFixture.TIME_SCALE);
        holder.start();
        holder.current().shop().staff().add("Nadia", Role.OWNER, "2468", "test");
        holder.current().shop().staff().add("Amina", Role.CASHIER, "1357", "test");
        holder.current().shop().staff().add("Karim", Role.CASHIER, "8642", "test");
        printer = FakeThermalPrinter.answering();
        holder.current().settings().put(Receipts.PRINTER_URI, printer.uri());
        holder.current().settings().put(Receipts.SHOP_NAME, "Hanout Al Baraka");
        work = new FxBackgroundWork();
        ShopSession session = ShopSession.of(holder);
        MainWindow.Services services = new MainWindow.Services(EngineAccess.of(holder.current().engine()), work,
                Clock.systemDefaultZone(), l -> { }, session,
                OfficeAccess.following(CompletableFuture.completedFuture(holder), () -> OfficeView.signedIn(session)),
                ReceiptAccess.of(holder.current().receipts(Duration.ofSeconds(5))));
        stage.setScene(HanoutApp.createScene(Language.FR, services, dialogs));
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
    }

    @AfterEach
    void close() throws IOException {
        work.close();
        printer.close();
        holder.close();
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
        return fx(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : n instanceof TextField t ? t.getText() : String.valueOf(n);
        });
    }

    private void awaitText(FxRobot robot, String query, String expected) {
        Eventually.await(WAIT, query + " showing '" + expected + "'", () -> text(robot, query).contains(expected));
    }

    private boolean padShown(FxRobot robot) {
        return fx(() -> robot.lookup("#pin-pad").query().isVisible());
    }

    private void typePin(FxRobot robot, String user, String pin) {
        if (user != null) {
            fx(() -> {
                robot.lookup("#pin-user").queryAs(ComboBox.class).getSelectionModel().select(user);
                return null;
            });
        }
        robot.clickOn("#pin-field");
        robot.write(pin);
        robot.type(KeyCode.ENTER);
    }

    private Office office() {
        return holder.current().office(() -> "test");
    }

    private static Sale sell(SaleEngine engine, String phone, Operator op, long mad) throws InterruptedException {
        Sale s = engine.sell(SaleRequest.of(Phone.parse(phone), op, Money.ofMad(mad), Promo.PLAIN, Sale.Origin.COUNTER));
        return engine.awaitFinal(s.externalReference(), WAIT);
    }

    @Test
    void aCashierClosesTheirOwnShiftWithTheirPinAndPrintsAndSavesItsReport(FxRobot robot) throws Exception {
        // another cashier's closed shift: not on Amina's own screen
        office().openShift("Karim");
        office().closeShift("Karim", null);

        Eventually.await(WAIT, "the PIN pad at start", () -> padShown(robot));
        typePin(robot, "Amina", "1357");
        Eventually.await(WAIT, "Amina signed in", () -> !padShown(robot));
        robot.clickOn("#nav-shift");
        awaitText(robot, "#shift-status", "Aucune caisse ouverte pour Amina");
        TableView<Shift> list = robot.lookup("#shift-list").queryTableView();
        assertThat(fx(() -> list.getItems().stream().map(Shift::cashier).toList())).doesNotContain("Karim");

        robot.clickOn("#shift-open");
        awaitText(robot, "#shift-status", "Caisse de Amina ouverte");
        SaleEngine engine = holder.current().engine();
        sell(engine, "0612345678", Operator.INWI, 10);
        sell(engine, "0698765432", Operator.ORANGE, 20);
        sell(engine, "0612340004", Operator.INWI, 5); // ends in status 4: a failure

        fx(() -> {
            robot.lookup("#shift-counted").queryAs(TextField.class).setText("28,50");
            return null;
        });
        robot.clickOn("#shift-close");
        Eventually.await(WAIT, "the PIN pad for the close", () -> padShown(robot));
        assertThat(text(robot, "#pin-title")).contains("Amina");
        typePin(robot, null, "9999");
        awaitText(robot, "#pin-message", "Code incorrect");
        robot.clickOn("#pin-cancel");
        Eventually.await(WAIT, "the pad gone", () -> !padShown(robot));
        assertThat(office().currentShift("Amina")).as("a wrong PIN keeps the shift open").isPresent();
        assertThat(text(robot, "#shift-status")).contains("ouverte");

        robot.clickOn("#shift-close");
        Eventually.await(WAIT, "the PIN pad for the close", () -> padShown(robot));
        typePin(robot, "Amina", "1357");
        awaitText(robot, "#shift-message", "Caisse clôturée");
        assertThat(office().currentShift("Amina")).isEmpty();
        Shift closed = office().shifts("Amina", 10).get(0);
        assertThat(closed.closedBy()).isEqualTo("Amina");
        assertThat(closed.report().sales()).isEqualTo(3);

        robot.clickOn("#shift-print");
        EscPosDecoder job = EscPosDecoder.decode(printer.nextJob());
        List<String> lines = job.lines();
        assertThat(lines).anyMatch(l -> l.contains("Rapport de caisse")).anyMatch(l -> l.contains("Hanout Al Baraka"))
                .anyMatch(l -> l.contains("Amina")).anyMatch(l -> l.matches("Ventes +3"))
                .anyMatch(l -> l.matches("Réussies +2")).anyMatch(l -> l.matches("Échouées +1"))
                .anyMatch(l -> l.contains("30,00 DH")).anyMatch(l -> l.contains("28,50 DH"))
                .anyMatch(l -> l.contains("-1,50 DH"));
        awaitText(robot, "#shift-message", "imprimé");

        // a printer that is not there: said plainly, and the report is still there to print again
        holder.current().settings().put(Receipts.PRINTER_URI, "tcp://127.0.0.1:1");
        robot.clickOn("#shift-print");
        awaitText(robot, "#shift-message", "Le rapport reste conservé");
        assertThat(office().shift(closed.id()).orElseThrow().report()).isEqualTo(closed.report());

        Path pdf = home.resolve("caisse.pdf");
        dialogs.saveAs = pdf;
        robot.clickOn("#shift-save-pdf");
        awaitText(robot, "#shift-message", "Rapport enregistré");
        assertThat(dialogs.savesAsked).containsExactly("rapport-caisse-" + closed.id() + ".pdf");
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport de caisse", "Amina", "30,00 DH",
                    "28,50 DH", "-1,50 DH");
        }
        assertThat(office().audit("shift.print", 50)).hasSize(3);
    }

    @Test
    void anotherCashiersPinDoesNotCloseTheShiftButAnOwnersDoes(FxRobot robot) {
        Eventually.await(WAIT, "the PIN pad at start", () -> padShown(robot));
        typePin(robot, "Amina", "1357");
        Eventually.await(WAIT, "Amina signed in", () -> !padShown(robot));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT5).release(KeyCode.CONTROL);
        awaitText(robot, "#shift-status", "Aucune caisse ouverte pour Amina");
        robot.clickOn("#shift-open");
        awaitText(robot, "#shift-status", "Caisse de Amina ouverte");

        robot.clickOn("#shift-close");
        Eventually.await(WAIT, "the PIN pad for the close", () -> padShown(robot));
        typePin(robot, "Karim", "8642");
        awaitText(robot, "#pin-message", "ni celui de Amina ni celui d'un propriétaire");
        assertThat(padShown(robot)).isTrue();
        assertThat(office().currentShift("Amina")).as("Karim's PIN keeps Amina's shift open").isPresent();

        typePin(robot, "Nadia", "2468");
        awaitText(robot, "#shift-message", "Caisse clôturée");
        Shift closed = office().shifts("Amina", 10).get(0);
        assertThat(closed.isOpen()).isFalse();
        assertThat(closed.closedBy()).isEqualTo("Nadia");
    }
}
