package ma.hanout.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import ma.hanout.app.SaleCsv;
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
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The exports tab clicked as the owner would, on a real demo shop whose sales went through the
 * simulator: the history file has one row per sale of the history, field for field, in the French
 * spreadsheet convention, and the export is listed under the exports already made.
 */
@ExtendWith(ApplicationExtension.class)
class ExportsUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path home;
    private Path file;
    private DemoShopFixture shop;
    private FxBackgroundWork work;
    private ExportsViewModel vm;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory("hanout-ui-exports");
        file = home.resolve("ventes.csv");
        shop = DemoShopFixture.open(home, true);
        work = new FxBackgroundWork();
        vm = new ExportsViewModel(new I18n(Language.FR), OfficeAccess.of(shop.context().office(() -> "owner")), work,
                suggested -> Optional.of(file), ZoneId.systemDefault());
        Scene scene = new Scene(new ExportsView(vm).create(), 1280, 800);
        scene.getStylesheets().add(HanoutApp.class.getResource("hanout.css").toExternalForm());
        stage.setScene(scene);
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

    @Test
    void theHistoryExportClickedOnScreenHasTheRowsOfTheHistory(FxRobot robot) throws Exception {
        SaleEngine engine = shop.engine();
        sell(engine, "0612345678", Operator.INWI, 10);
        sell(engine, "0661234567", Operator.MAROC_TELECOM, 20);
        sell(engine, "0698765432", Operator.ORANGE, 12.5);
        sell(engine, "0612340004", Operator.INWI, 5); // ends in status 4: a failure is exported too
        List<Sale> history = engine.reads().search(SaleQuery.ALL, 100, null).sales();
        assertThat(history).hasSize(4).allSatisfy(s -> assertThat(SaleEngine.isFinal(s)).isTrue());

        robot.clickOn("#exports-history");
        String done = "4 ventes exportées dans " + file;
        Eventually.await(WAIT, "the export's message", () -> label(robot, "#exports-message").equals(done));

        List<CSVRecord> rows;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = CSVFormat.DEFAULT.builder().setDelimiter(';').build().parse(in).getRecords();
        }
        assertThat(rows.get(0).toList()).isEqualTo(SaleCsv.HEADER);
        assertThat(rows).hasSize(history.size() + 1);
        int value = SaleCsv.HEADER.indexOf("value");
        int billed = SaleCsv.HEADER.indexOf("billing_amount");
        for (int i = 0; i < history.size(); i++) {
            List<String> expected = new ArrayList<>(SaleCsv.row(history.get(i)));
            expected.set(value, expected.get(value).replace('.', ','));
            expected.set(billed, expected.get(billed).replace('.', ','));
            assertThat(rows.get(i + 1).toList()).as("row %d", i + 1).isEqualTo(expected);
        }
        assertThat(rows).extracting(r -> r.get(value)).contains("12,50");

        ListView<String> made = robot.lookup("#exports-done").queryListView();
        Eventually.await(WAIT, "the export listed", () -> fx(() -> made.getItems().size()) == 1);
        assertThat(fx(() -> made.getItems().get(0))).contains("owner").contains("ventes.csv");
    }

    private static void sell(SaleEngine engine, String phone, Operator op, double mad) throws InterruptedException {
        Sale s = engine.sell(SaleRequest.of(Phone.parse(phone), op, Money.ofCentimes(Math.round(mad * 100)),
                Promo.PLAIN, Sale.Origin.COUNTER));
        engine.awaitFinal(s.externalReference(), Duration.ofSeconds(30));
    }

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String label(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }
}
