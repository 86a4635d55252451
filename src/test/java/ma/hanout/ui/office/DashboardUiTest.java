package ma.hanout.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

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

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleQuery;
import ma.hanout.engine.SaleEngine;
import ma.hanout.engine.SaleRequest;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.FxBackgroundWork;
import ma.hanout.ui.HanoutApp;
import ma.hanout.ui.MainWindow;
import ma.hanout.ui.OfficeAccess;
import ma.hanout.ui.dashboard.TakingsRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The owner's dashboard on a real demo shop: sales made through the engine against the simulator,
 * then the figures on screen equal the sums of the sales' own fields; the balance under the
 * owner's threshold raises the alert on the dashboard and in the status bar.
 */
@SuppressWarnings("unchecked")
@ExtendWith(ApplicationExtension.class)
class DashboardUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path home;
    private DemoShopFixture shop;
    private FxBackgroundWork work;
    private MainWindow.Services services;
    private Stage stage;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        home = Files.createTempDirectory("hanout-ui-office");
        shop = DemoShopFixture.open(home, true);
        // the demo account holds 1000 MAD: under a 2000 MAD threshold the owner is warned
        shop.context().settings().put("low_balance.threshold", "2000");
        work = new FxBackgroundWork();
        services = new MainWindow.Services(shop.access(), work, Clock.systemDefaultZone(), lang -> { },
                OfficeAccess.of(shop.context().office(() -> "owner")));
        stage.setScene(HanoutApp.createScene(Language.FR, services));
        stage.setWidth(1280);
        stage.setHeight(800);
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

    @Test
    void theFiguresAreTheSumsOfTheSalesOwnFieldsAndALowBalanceIsFlagged(FxRobot robot) throws Exception {
        SaleEngine engine = shop.engine();
        List<Sale> made = new ArrayList<>();
        made.add(sell(engine, "0612345678", Operator.INWI, 10));
        made.add(sell(engine, "0661234567", Operator.MAROC_TELECOM, 20));
        made.add(sell(engine, "0698765432", Operator.ORANGE, 50));
        made.add(sell(engine, "0612340004", Operator.INWI, 5)); // ends in status 4: a failure
        List<Sale> sales = engine.reads().search(SaleQuery.ALL, 100, null).sales();
        assertThat(sales).hasSize(4).allSatisfy(s -> assertThat(SaleEngine.isFinal(s)).isTrue());

        robot.clickOn("#nav-office");
        TableView<TakingsRow> today = robot.lookup("#dashboard-today").queryTableView();
        Eventually.await(WAIT, "today's takings shown", () -> fx(() -> today.getItems().size() == 4
                && today.getItems().get(3).count().equals("3")));

        List<TakingsRow> rows = fx(() -> List.copyOf(today.getItems()));
        Operator[] order = Operator.values();
        for (int i = 0; i < order.length; i++) {
            Operator op = order[i];
            List<Sale> done = sales.stream().filter(s -> s.operator() == op && s.isDelivered()).toList();
            Money face = done.stream().map(Sale::value).reduce(Money.ZERO, Money::plus);
            Money billed = done.stream().map(Sale::billingAmount).reduce(Money.ZERO, Money::plus);
            TakingsRow r = rows.get(i);
            assertThat(r.operator()).isEqualTo(op.displayName());
            assertThat(r.count()).as(op.name()).isEqualTo(Integer.toString(done.size()));
            assertThat(r.faceValue()).as(op.name()).isEqualTo(face.display());
            assertThat(r.billed()).as(op.name()).isEqualTo(billed.display());
            assertThat(r.margin()).as(op.name()).isEqualTo(face.minus(billed).display());
        }
        Money totalFace = sales.stream().filter(Sale::isDelivered).map(Sale::value).reduce(Money.ZERO, Money::plus);
        assertThat(rows.get(3).faceValue()).isEqualTo(totalFace.display()).isEqualTo(Money.ofMad(80).display());
        assertThat(label(robot, "#dashboard-failures")).isEqualTo("1");
        TableView<TakingsRow> week = robot.lookup("#dashboard-week").queryTableView();
        assertThat(fx(() -> week.getItems().get(3).faceValue())).isEqualTo(totalFace.display());

        // the balance: what the simulator says after the sales, below the threshold
        Money balance = engine.lastBalance().orElseThrow().balance();
        Eventually.await(WAIT, "balance shown", () -> label(robot, "#dashboard-balance").equals(balance.display()));
        assertThat(label(robot, "#dashboard-currency")).isEqualTo("MAD");
        assertThat(fx(() -> robot.lookup("#dashboard-low-balance").query().isVisible())).isTrue();
        assertThat(label(robot, "#dashboard-low-balance")).contains(Money.ofMad(2000).display());
        Eventually.await(WAIT, "the status bar's alert", () -> label(robot, "#status-low-balance").equals("Solde bas"));

        OfficeScreenshots.take(stage.getScene(), "dashboard-fr");
        Scene arabic = fx(() -> {
            Scene s = HanoutApp.createScene(Language.AR, services);
            stage.setScene(s);
            return s;
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            ((javafx.scene.control.ToggleButton) arabic.lookup("#nav-office")).fire();
            return null;
        });
        TableView<TakingsRow> todayAr = fx(() -> (TableView<TakingsRow>) arabic.lookup("#dashboard-today"));
        Eventually.await(WAIT, "Arabic dashboard filled", () -> fx(() -> todayAr.getItems().size() == 4
                && todayAr.getItems().get(3).count().equals("3")));
        Eventually.await(WAIT, "Arabic balance shown", () -> fx(() -> ((Label) arabic.lookup("#dashboard-balance")).getText()).equals(balance.display()));
        OfficeScreenshots.take(arabic, "dashboard-ar");
    }

    @Test
    void aShiftOpenedAndClosedKeepsItsReport(FxRobot robot) throws Exception {
        robot.clickOn("#nav-office");
        fx(() -> {
            robot.lookup("#office-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().select(1);
            return null;
        });
        Eventually.await(WAIT, "no shift open yet", () -> label(robot, "#shift-status").startsWith("Aucune caisse"));
        robot.clickOn("#shift-open");
        Eventually.await(WAIT, "the shift open", () -> label(robot, "#shift-status").contains("ouverte depuis"));

        SaleEngine engine = shop.engine();
        Sale done = sell(engine, "0612345678", Operator.INWI, 10);
        Sale failed = sell(engine, "0612340004", Operator.INWI, 5);
        assertThat(done.isDelivered()).isTrue();
        assertThat(failed.isDelivered()).isFalse();

        robot.clickOn("#shift-counted").write("8");
        robot.clickOn("#shift-close");
        TableView<ma.hanout.ui.shifts.ReportLine> report = robot.lookup("#shift-report").queryTableView();
        Eventually.await(WAIT, "the kept report", () -> label(robot, "#shift-report-title").startsWith("Rapport"));
        List<String> lines = fx(() -> report.getItems().stream().map(l -> l.label() + "=" + l.value()).toList());
        assertThat(lines).containsExactly("Ventes=2", "Réussies=1", "Échouées=1", "Remboursées=0", "En attente=0",
                "Espèces attendues=" + done.value().display(), "Espèces comptées=" + Money.ofMad(8).display(),
                "Écart=" + Money.ofMad(-2).display());
        TableView<ma.hanout.domain.Shift> list = robot.lookup("#shift-list").queryTableView();
        Eventually.await(WAIT, "the closed shift listed", () -> fx(() -> list.getItems().size() == 1
                && !list.getItems().get(0).isOpen()));
        assertThat(label(robot, "#shift-status")).startsWith("Aucune caisse");
        OfficeScreenshots.take(stage.getScene(), "shift-report-fr");
    }

    private String label(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private static Sale sell(SaleEngine engine, String phone, Operator op, long mad) throws InterruptedException {
        Sale s = engine.sell(SaleRequest.of(Phone.parse(phone), op, Money.ofMad(mad), Promo.PLAIN, Sale.Origin.COUNTER));
        return engine.awaitFinal(s.externalReference(), WAIT);
    }
}
