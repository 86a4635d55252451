package ma.hanout.ui.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

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
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.I18n;
import ma.hanout.ui.OfficeAccess;
import ma.hanout.ui.SameThreadWork;
import ma.hanout.ui.audit.AuditViewModel;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports from the screen on a real demo shop: the rows equal the history; the audit log shows them. */
class ExportsViewModelTest {
    @TempDir
    Path home;
    @TempDir
    Path out;

    private DemoShopFixture shop;
    private OfficeAccess office;

    @BeforeEach
    void open() {
        shop = DemoShopFixture.open(home, true);
        office = OfficeAccess.of(shop.context().office(() -> "owner"));
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void theHistoryExportHasOneRowPerSaleOfTheHistoryInTheFrenchConvention() throws Exception {
        SaleEngine engine = shop.engine();
        sell(engine, "0612345678", Operator.INWI, 10);
        sell(engine, "0698765432", Operator.ORANGE, 25);
        sell(engine, "0612340004", Operator.INWI, 5);
        Path file = out.resolve("ventes.csv");
        ExportsViewModel vm = new ExportsViewModel(new I18n(Language.FR), office, new SameThreadWork(),
                name -> Optional.of(file), ZoneId.systemDefault());
        vm.fromProperty().set(LocalDate.now().minusDays(1));
        vm.toProperty().set(LocalDate.now());

        vm.exportHistory();

        assertThat(vm.messageProperty().get()).isEqualTo("3 ventes exportées dans " + file);
        List<Sale> history = engine.reads().search(SaleQuery.ALL, 100, null).sales();
        List<CSVRecord> rows = read(file, ';');
        assertThat(rows.get(0).toList()).isEqualTo(SaleCsv.HEADER);
        assertThat(rows.subList(1, rows.size())).hasSameSizeAs(history);
        for (int i = 0; i < history.size(); i++) {
            List<String> expected = new java.util.ArrayList<>(SaleCsv.row(history.get(i)));
            int value = SaleCsv.HEADER.indexOf("value");
            int billed = SaleCsv.HEADER.indexOf("billing_amount");
            expected.set(value, expected.get(value).replace('.', ','));
            expected.set(billed, expected.get(billed).replace('.', ','));
            assertThat(rows.get(i + 1).toList()).as("row %d", i + 1).isEqualTo(expected);
        }
        assertThat(rows.get(1).get(SaleCsv.HEADER.indexOf("value"))).isEqualTo("5,00");

        // the takings export, and both exports in the audit log
        Path takings = out.resolve("recettes.csv");
        ExportsViewModel vm2 = new ExportsViewModel(new I18n(Language.EN), office, new SameThreadWork(),
                name -> Optional.of(takings), ZoneId.systemDefault());
        vm2.exportTakings();
        List<CSVRecord> t = read(takings, ',');
        assertThat(t.get(0).toList()).containsExactly("day", "operator", "count", "face_value", "billed", "margin",
                "failed", "refunded", "pending");
        CSVRecord inwiToday = t.stream().filter(r -> r.get(0).equals(LocalDate.now().toString())
                && r.get(1).equals("Inwi")).findFirst().orElseThrow();
        assertThat(inwiToday.toList().subList(2, 9)).containsExactly("1", "10.00", "9.35", "0.65", "1", "0", "0");
        vm2.refresh();
        assertThat(vm2.doneNow()).hasSize(2);

        AuditViewModel audit = new AuditViewModel(new I18n(Language.FR), office, new SameThreadWork(),
                ZoneId.systemDefault());
        audit.filterProperty().set("recettes");
        audit.refresh();
        assertThat(audit.lines()).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo("export.takings");
            assertThat(l.actor()).isEqualTo("owner");
        });
    }

    private static List<CSVRecord> read(Path file, char delimiter) throws Exception {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setDelimiter(delimiter).build().parse(in).getRecords();
        }
    }

    private static void sell(SaleEngine engine, String phone, Operator op, long mad) throws InterruptedException {
        Sale s = engine.sell(SaleRequest.of(Phone.parse(phone), op, Money.ofMad(mad), Promo.PLAIN, Sale.Origin.COUNTER));
        engine.awaitFinal(s.externalReference(), Duration.ofSeconds(30));
    }
}
