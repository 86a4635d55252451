package ma.hanout.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import ma.hanout.domain.Language;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleQuery;
import ma.hanout.domain.SaleState;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.FxBackgroundWork;
import ma.hanout.ui.HanoutApp;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;
import ma.hanout.ui.bulk.BulkLine;
import ma.hanout.ui.bulk.BulkView;
import ma.hanout.ui.bulk.BulkViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Bulk top-up on a real demo shop whose engine does not send on its own (so what was recorded
 * has not left when the owner cancels): a file over the balance is refused with the shortfall; a
 * file with a bad line previews it marked, sends the good lines, cancels them before they leave,
 * and the same file again sells nothing twice.
 */
@ExtendWith(ApplicationExtension.class)
class BulkUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private Path home;
    private DemoShopFixture shop;
    private FxBackgroundWork work;
    private BulkViewModel vm;
    private Path results;

    @Start
    void start(Stage stage) throws IOException {
        home = Files.createTempDirectory("hanout-ui-bulk");
        shop = DemoShopFixture.open(home, false);
        shop.engine().refreshBalance(); // 1000 MAD known: the file over it is refused
        work = new FxBackgroundWork();
        results = home.resolve("results.csv");
        vm = new BulkViewModel(new I18n(Language.FR), OfficeAccess.of(shop.context().office(() -> "owner")), work,
                name -> Optional.of(results));
        Scene scene = new Scene(new BulkView(vm, () -> stage).create(), 1280, 800);
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

    private static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private String label(FxRobot robot, String id) {
        return fx(() -> robot.lookup(id).queryAs(Label.class).getText());
    }

    private void load(Path file) {
        fx(() -> {
            vm.load(file);
            return null;
        });
    }

    @Test
    void aBadLineIsMarkedTheGoodOnesAreCancelledBeforeTheyLeaveAndTheSameFileSellsOnce(FxRobot robot)
            throws Exception {
        Path big = home.resolve("big.csv");
        Files.writeString(big, "phone,operator,value,type\n0612345678,Inwi,500,0\n0698765432,Orange,600,0\n",
                StandardCharsets.UTF_8);
        load(big);
        Eventually.await(WAIT, "the shortfall", () -> label(robot, "#bulk-shortfall").startsWith("Solde insuffisant"));
        assertThat(label(robot, "#bulk-shortfall")).contains("il manque");
        assertThat(fx(() -> robot.lookup("#bulk-confirm").queryAs(Button.class).isDisabled())).isTrue();

        Path file = home.resolve("lot.csv");
        Files.writeString(file, "phone,operator,value,type\n0612345678,Inwi,10,0\n0512345678,Inwi,10,0\n"
                + "0698765432,Orange,20,6\n", StandardCharsets.UTF_8);
        load(file);
        TableView<BulkLine> table = robot.lookup("#bulk-table").queryTableView();
        Eventually.await(WAIT, "the preview", () -> fx(() -> table.getItems().size()) == 3);
        assertThat(label(robot, "#bulk-summary")).startsWith("2 lignes valides, 1 refusées");
        // the reason in the owner's language, not the file reader's English
        assertThat(fx(() -> vm.result(table.getItems().get(1)))).isEqualTo(
                "Ligne refusée : Ce n'est pas un mobile marocain : le numéro doit commencer par 06 ou 07.");
        assertThat(fx(() -> vm.result(table.getItems().get(0)))).isEqualTo("Valide");
        assertThat(shop.engine().reads().search(SaleQuery.ALL, 10, null).sales()).as("nothing sold yet").isEmpty();

        robot.clickOn("#bulk-confirm");
        Eventually.await(WAIT, "both good lines recorded", () -> fx(() -> table.getItems().stream()
                .filter(l -> l.sale() != null && l.sale().state() == SaleState.QUEUED).count()) == 2);
        robot.clickOn("#bulk-cancel");
        Eventually.await(WAIT, "both cancelled", () -> label(robot, "#bulk-message").startsWith("2 lignes annulées"));
        List<String> shown = fx(() -> table.getItems().stream().map(vm::result).toList());
        assertThat(shown).containsExactly("Annulée", shown.get(1), "Annulée");
        assertThat(shown.get(1)).startsWith("Ligne refusée");
        assertThat(shop.engine().reads().search(SaleQuery.ALL, 10, null).sales()).hasSize(2)
                .allSatisfy(s -> assertThat(s.state()).isEqualTo(SaleState.CANCELLED));
        assertThat(fx(() -> vm.progressProperty().get())).isEqualTo(1.0);

        robot.clickOn("#bulk-export");
        Eventually.await(WAIT, "the results saved", () -> label(robot, "#bulk-message").startsWith("Résultats"));
        List<String> csv = Files.readAllLines(results, StandardCharsets.UTF_8);
        assertThat(csv).hasSize(4);
        assertThat(csv.get(0)).isEqualTo(String.join(";", BulkViewModel.RESULT_HEADER));
        assertThat(csv.get(1)).startsWith("2;0612345678;Inwi;10,00;0;").contains(";CANCELLED;");

        // the same file again: every line was recorded by the first run, nothing is sold twice
        load(file);
        Eventually.await(WAIT, "the preview again", () -> fx(() -> !robot.lookup("#bulk-confirm")
                .queryAs(Button.class).isDisabled()));
        robot.clickOn("#bulk-confirm");
        Eventually.await(WAIT, "the second run", () -> label(robot, "#bulk-message").startsWith("0 lignes enregistrées, 2"));
        List<Sale> all = shop.engine().reads().search(SaleQuery.ALL, 10, null).sales();
        assertThat(all).hasSize(2);
    }
}
