package ma.hanout.ui.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleRequest;
import ma.hanout.testing.Eventually;
import ma.hanout.ui.DemoShopFixture;
import ma.hanout.ui.I18n;
import ma.hanout.ui.SameThreadWork;
import ma.hanout.ui.sale.SaleStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The counter's view model on the real engine and the embedded simulator, without a UI. */
class CounterViewModelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path home;
    private DemoShopFixture shop;
    private CounterViewModel vm;

    @BeforeEach
    void open() {
        shop = DemoShopFixture.open(home, true);
        vm = new CounterViewModel(new I18n(Language.FR), shop.access(), new SameThreadWork(), null);
    }

    @AfterEach
    void close() {
        vm.dispose();
        shop.close();
    }

    @Test
    void aNumberStillBeingTypedIsNotAnErrorUntilSellIsPressed() {
        vm.phoneTextProperty().set("06 12");
        assertThat(vm.phoneErrorProperty().get()).isEmpty();
        vm.requestSale();
        assertThat(vm.phoneErrorProperty().get()).startsWith("Numéro trop court");
        assertThat(vm.formErrorProperty().get()).startsWith("Numéro trop court");
        assertThat(vm.confirmationProperty().get()).isNull();
    }

    @Test
    void aWrongPrefixIsSaidAtOnceWithTheDomainsReason() {
        vm.phoneTextProperty().set("05 22 33 44 55");
        assertThat(vm.phoneErrorProperty().get()).isEqualTo(
                "Ce n'est pas un mobile marocain : le numéro doit commencer par 06 ou 07.");
        assertThat(vm.phoneProperty().get()).isNull();
        // two digits are enough to know it: "too short" would have the cashier type on for nothing
        vm.phoneTextProperty().set("05");
        assertThat(vm.phoneErrorProperty().get()).startsWith("Ce n'est pas un mobile marocain");
        vm.requestSale();
        assertThat(vm.formErrorProperty().get()).startsWith("Ce n'est pas un mobile marocain");
    }

    @Test
    void theOperatorComesFromThePrefixThenFromTheNumbersLastSaleAndTheCashierAlwaysWins() {
        vm.phoneTextProperty().set("0661234567");
        assertThat(vm.operatorProperty().get()).isEqualTo(Operator.MAROC_TELECOM);
        assertThat(vm.operatorSourceProperty().get()).isEqualTo(CounterViewModel.OperatorSource.PREFIX);

        // the number moved to inwi: its last sale says so
        shop.engine().sell(new SaleRequest(Phone.parse("0661234567"), Operator.INWI, Money.ofMad(10), Promo.PLAIN,
                null, Sale.Origin.COUNTER, null));
        vm.clearForm();
        vm.phoneTextProperty().set("0661234567");
        assertThat(vm.operatorProperty().get()).isEqualTo(Operator.INWI);
        assertThat(vm.operatorSourceProperty().get()).isEqualTo(CounterViewModel.OperatorSource.LAST_SALE);

        vm.selectOperator(Operator.ORANGE);
        vm.phoneTextProperty().set("0661234568");
        assertThat(vm.operatorProperty().get()).as("the cashier's choice stays").isEqualTo(Operator.ORANGE);
    }

    @Test
    void offersFollowTheOperatorAndAStarDigitPicksOne() {
        assertThat(vm.promos()).isEmpty();
        vm.selectOperator(Operator.ORANGE);
        assertThat(vm.promos()).containsExactlyElementsOf(Promo.offeredFor(Operator.ORANGE));
        assertThat(vm.selectPromoByDigit(6)).isTrue();
        assertThat(vm.promoProperty().get()).isEqualTo(new Promo(6));
        assertThat(vm.selectPromoByDigit(4)).as("*4 is not offered").isFalse();
        assertThat(vm.promoProperty().get()).isEqualTo(new Promo(6));
    }

    @Test
    void aFreeAmountIsParsedAndExplainedWhenWrong() {
        vm.freeAmountTextProperty().set("12,50");
        assertThat(vm.amountProperty().get()).isEqualTo(Money.ofCentimes(1250));
        vm.freeAmountTextProperty().set("douze");
        assertThat(vm.amountProperty().get()).isNull();
        assertThat(vm.amountErrorProperty().get()).startsWith("Ce n'est pas un montant");
        vm.freeAmountTextProperty().set("0");
        assertThat(vm.amountErrorProperty().get()).isEqualTo("Le montant doit être supérieur à zéro.");
        vm.selectAmount(Money.ofMad(20));
        assertThat(vm.freeAmountTextProperty().get()).isEmpty();
        assertThat(vm.amountProperty().get()).isEqualTo(Money.ofMad(20));
    }

    @Test
    void sellingReadsTheSaleBackThenFollowsItToDone() {
        vm.phoneTextProperty().set("06 12 34 56 78");
        vm.selectOperator(Operator.ORANGE);
        vm.selectAmount(Money.ofMad(20));
        vm.requestSale();
        SaleConfirmation c = vm.confirmationProperty().get();
        assertThat(c.phoneDigits()).isEqualTo("06 12 34 56 78");
        assertThat(c.operator()).isEqualTo(Operator.ORANGE);
        assertThat(c.offer()).isEqualTo("Recharge normale");
        assertThat(c.amountText()).isEqualTo("20,00 DH");

        vm.confirmSale();
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(vm.phoneTextProperty().get()).as("ready for the next customer").isEmpty();
        assertThat(vm.currentSaleProperty().get().phone().national()).isEqualTo("0612345678");
        Eventually.await(WAIT, "sale done", () -> vm.currentExplanationProperty().get().stage() == SaleStage.DONE);
        assertThat(vm.currentExplanationProperty().get().advice()).startsWith("C'est fait");
        Eventually.await(WAIT, "listed in recent sales", () -> vm.recentSales().stream()
                .anyMatch(s -> s.phone().national().equals("0612345678") && SaleStage.of(s) == SaleStage.DONE));
    }

    @Test
    void aFailingScenarioNumberEndsFailedWithItsMeaning() {
        vm.phoneTextProperty().set("0612340004");
        vm.selectOperator(Operator.ORANGE);
        vm.selectAmount(Money.ofMad(10));
        vm.requestSale();
        vm.confirmSale();
        Eventually.await(WAIT, "sale failed", () -> vm.currentExplanationProperty().get().stage() == SaleStage.FAILED);
        assertThat(vm.currentExplanationProperty().get().meaning()).isEqualTo("Cette ligne est inexistante");
        assertThat(vm.currentExplanationProperty().get().advice()).contains("Vérifiez le numéro");
    }

    @Test
    void theConfirmationWarnsWhenTheKnownBalanceMayNotCoverTheSale() {
        shop.awaitOnline();
        Eventually.await(WAIT, "balance known", () -> shop.engine().status().balance() != null);
        vm.phoneTextProperty().set("0612345678");
        vm.selectOperator(Operator.ORANGE);
        vm.freeAmountTextProperty().set("5000");
        vm.requestSale();
        assertThat(vm.confirmationProperty().get().warning()).startsWith("Attention : le solde connu");
        vm.cancelConfirmation();
        vm.selectAmount(Money.ofMad(10));
        vm.requestSale();
        assertThat(vm.confirmationProperty().get().hasWarning()).isFalse();
    }

    @Test
    void anAmountAboveWhatOneRechargeMayBeIsCaughtBeforeTheReadBackWithTheLimit() {
        vm.phoneTextProperty().set("0612345678");
        vm.selectOperator(Operator.ORANGE);
        vm.freeAmountTextProperty().set("100000");
        vm.requestSale();
        assertThat(vm.confirmationProperty().get()).as("no read-back of a sale the API refuses").isNull();
        assertThat(vm.formErrorProperty().get()).isEqualTo(
                "Au plus 10\u202f000,00 DH par recharge : le serveur refuse un montant plus grand.");
        assertThat(vm.amountErrorProperty().get()).isEqualTo(vm.formErrorProperty().get());
        vm.freeAmountTextProperty().set("10000");
        vm.requestSale();
        assertThat(vm.confirmationProperty().get()).as("the limit itself may be sold").isNotNull();
        assertThat(shop.engine().reads().recent(5)).as("nothing was sold").isEmpty();
    }

    @Test
    void theLimitIsTheShopsSettingReadByTheAppLayer() {
        // set while the counter runs (as config set does): the next sale sees it
        shop.context().settings().put(ma.hanout.app.AppContext.MAX_SALE_VALUE, "500");
        vm.phoneTextProperty().set("0612345678");
        vm.selectOperator(Operator.INWI);
        vm.freeAmountTextProperty().set("500,01");
        vm.requestSale();
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(vm.formErrorProperty().get()).startsWith("Au plus 500,00 DH par recharge");
    }

    @Test
    void nothingIsSoldWithoutANumberOrAnAmount() {
        vm.selectOperator(Operator.ORANGE);
        vm.selectAmount(Money.ofMad(10));
        vm.requestSale();
        assertThat(vm.formErrorProperty().get()).isEqualTo("Saisissez un numéro de téléphone.");
        vm.clearForm();
        vm.phoneTextProperty().set("0612345678");
        vm.requestSale();
        assertThat(vm.formErrorProperty().get()).startsWith("Choisissez un montant");
        assertThat(vm.confirmationProperty().get()).isNull();
        assertThat(shop.engine().reads().recent(50)).as("nothing was sold").isEmpty();
    }
}
