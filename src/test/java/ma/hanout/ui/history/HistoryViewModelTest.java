package ma.hanout.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleRequest;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.I18n;
import ma.hanout.ui.SameThreadWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History over the real local store: the engine is not started, so the sales stay as they were made. */
class HistoryViewModelTest {
    private static final int SALES = 130;

    @TempDir
    Path home;
    private DemoShopFixture shop;
    private HistoryViewModel vm;
    private final List<Sale> made = new ArrayList<>();

    @BeforeEach
    void open() {
        shop = DemoShopFixture.open(home, false);
        for (int i = 0; i < SALES; i++) {
            Operator o = Operator.values()[i % 3];
            made.add(shop.engine().sell(new SaleRequest(Phone.parse(String.format("06%08d", 10_000_000 + i)), o,
                    Money.ofMad(10 + i % 5), Promo.PLAIN, null, Sale.Origin.COUNTER, null)));
        }
        vm = new HistoryViewModel(new I18n(Language.FR), shop.access(), new SameThreadWork(), ZoneId.systemDefault());
    }

    @AfterEach
    void close() {
        shop.close();
    }

    @Test
    void aFailedSalesDetailsLeadWithTheOutcomeAndKeepTheStateSecondary() {
        Sale failed = new Sale("HN-F", Phone.parse("0612340004"), Operator.ORANGE, Money.ofMad(10), Promo.PLAIN,
                ma.hanout.domain.SaleState.ACCEPTED, ma.hanout.domain.RechargeStatus.of(4), "179", null, null, null,
                Sale.Origin.COUNTER, 1, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH, null,
                new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.DEMO, "API-DEMO-0001"));
        assertThat(vm.outcome(failed)).isEqualTo("Échouée — Cette ligne est inexistante\n"
                + "Vérifiez le numéro avec le client, et rendez-lui l'argent.");
        assertThat(vm.outcome(failed)).doesNotContain("Acceptée");
        assertThat(vm.technicalState(failed)).isEqualTo("Acceptée, code serveur 4");
    }

    @Test
    void pagesAreFetchedOneAtATimeAsTheTableScrolls() {
        vm.search();
        assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
        assertThat(vm.hasMore()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("100 ventes affichées");
        assertThat(vm.rows().get(0).externalReference()).as("newest first")
                .isEqualTo(made.get(SALES - 1).externalReference());
        vm.loadMore();
        assertThat(vm.rows()).hasSize(SALES);
        assertThat(vm.hasMore()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("130 ventes");
    }

    @Test
    void findsASaleByPhoneAndByReference() {
        Sale target = made.get(42);
        vm.phoneProperty().set(target.phone().display());
        vm.search();
        assertThat(vm.rows()).extracting(Sale::externalReference).containsExactly(target.externalReference());

        vm.phoneProperty().set("");
        vm.referenceProperty().set(target.externalReference());
        vm.search();
        assertThat(vm.rows()).extracting(Sale::externalReference).containsExactly(target.externalReference());
    }

    @Test
    void filtersByOperatorStatusAndDate() {
        vm.operatorProperty().set(Operator.INWI);
        vm.search();
        vm.loadMore();
        assertThat(vm.rows()).hasSize(SALES / 3).allMatch(s -> s.operator() == Operator.INWI);

        vm.operatorProperty().set(null);
        vm.statusProperty().set(StatusFilter.DONE);
        vm.search();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("Aucune vente trouvée.");

        vm.statusProperty().set(StatusFilter.NOT_SENT);
        vm.fromProperty().set(LocalDate.now());
        vm.toProperty().set(LocalDate.now());
        vm.search();
        assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
    }

    @Test
    void reversedDatesAreExplained() {
        vm.fromProperty().set(LocalDate.now());
        vm.toProperty().set(LocalDate.now().minusDays(3));
        vm.search();
        assertThat(vm.messageProperty().get()).isEqualTo("La date de début est après la date de fin.");
    }

    @Test
    void aSelectedSaleShowsItsTimeline() {
        vm.search();
        vm.select(vm.rows().get(0));
        assertThat(vm.selectedExplanationProperty().get().label()).isEqualTo("En attente");
        assertThat(vm.timeline()).isNotEmpty();
        assertThat(vm.timeline().get(0).what()).contains("En attente d'envoi");
    }
}
