package ma.hanout.ui.sale;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.ui.I18n;
import org.junit.jupiter.api.Test;

class SaleExplanationTest {
    private static final Instant T = Instant.parse("2026-01-10T10:00:00Z");
    private final I18n fr = new I18n(Language.FR);

    private static Sale sale(SaleState state, Integer code, String error) {
        return new Sale("HN-1", Phone.parse("0612340004"), Operator.ORANGE, Money.ofMad(10), Promo.PLAIN, state,
                code == null ? null : RechargeStatus.of(code), null, null, error, error == null ? null : "msg",
                Sale.Origin.COUNTER, 1, null, T, T, null,
                new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.PRODUCTION, "API-TEST-0001"));
    }

    @Test
    void aQueuedSaleSaysWhetherItWaitsForTheConnection() {
        SaleExplanation offline = SaleExplanation.of(sale(SaleState.QUEUED, null, null), fr, false);
        assertThat(offline.stage()).isEqualTo(SaleStage.QUEUED);
        assertThat(offline.meaning()).contains("Hors ligne");
        assertThat(offline.advice()).contains("Rien n'est perdu");
        assertThat(SaleExplanation.of(sale(SaleState.QUEUED, null, null), fr, true).meaning()).contains("dans un instant");
    }

    @Test
    void anUncertainSaleIsSentAndMustNotBeSoldAgain() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.UNCERTAIN, null, null), fr, true);
        assertThat(e.stage()).isEqualTo(SaleStage.SENT);
        assertThat(e.advice()).isEqualTo("Patientez. Ne refaites pas la vente.");
    }

    @Test
    void pendingCodesAreInProgressWithTheServersMeaning() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.ACCEPTED, 2, null), fr, true);
        assertThat(e.stage()).isEqualTo(SaleStage.IN_PROGRESS);
        assertThat(e.meaning()).isEqualTo("En cours d'exécution");
        assertThat(e.advice()).startsWith("Patientez");
    }

    @Test
    void successIsDone() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.ACCEPTED, 3, null), fr, true);
        assertThat(e.stage()).isEqualTo(SaleStage.DONE);
        assertThat(e.label()).isEqualTo("Effectuée");
    }

    @Test
    void aLineThatDoesNotExistAsksToCheckTheNumberAndGiveTheMoneyBack() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.ACCEPTED, 4, null), fr, true);
        assertThat(e.stage()).isEqualTo(SaleStage.FAILED);
        assertThat(e.meaning()).isEqualTo("Cette ligne est inexistante");
        assertThat(e.advice()).isEqualTo("Vérifiez le numéro avec le client, et rendez-lui l'argent.");
        SaleExplanation other = SaleExplanation.of(sale(SaleState.ACCEPTED, 6, null), fr, true);
        assertThat(other.advice()).isEqualTo("Rendez l'argent au client.");
    }

    @Test
    void aSuspendedNumberIsNamedInTheMeaning() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.ACCEPTED, 12, null), new I18n(Language.EN), true);
        assertThat(e.meaning()).isEqualTo("The number 06 12 34 00 04 is suspended");
    }

    @Test
    void aRejectedSaleTranslatesTheServersReason() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.REJECTED, null, "INSUFFICIENT_FUNDS"), fr, true);
        assertThat(e.stage()).isEqualTo(SaleStage.FAILED);
        assertThat(e.meaning()).isEqualTo("Refusée : solde insuffisant chez MoroccoTopup.");
        assertThat(e.advice()).contains("rendez l'argent");
    }

    @Test
    void anUnknownRefusalShowsTheServersWordsOnceMarkedAsTheirs() {
        Sale s = new Sale("HN-1", Phone.parse("0612345678"), Operator.ORANGE, Money.ofMad(10), Promo.PLAIN,
                SaleState.REJECTED, null, null, null, "SOMETHING_NEW", "Try again tomorrow.", Sale.Origin.COUNTER, 1,
                null, T, T, null, new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.PRODUCTION, "API-T"));
        SaleExplanation e = SaleExplanation.of(s, fr, true);
        assertThat(e.meaning()).isEqualTo("Refusée par le serveur, qui répond (dans ses mots) : « Try again tomorrow. »");
        assertThat(e.meaning().split("Refus", -1)).as("the state word once").hasSize(2);
        assertThat(e.label()).isEqualTo("Échouée");
    }

    @Test
    void theApisOwnValidationCodesReadAsSentencesInEveryLanguage() {
        // the simulator's answer to 20,000 MAD: INVALID_VALUE with an English message
        Sale s = new Sale("HN-1", Phone.parse("0612345678"), Operator.ORANGE, Money.ofMad(20_000), Promo.PLAIN,
                SaleState.REJECTED, null, null, null, "INVALID_VALUE",
                "Invalid value 20000: at most 10000 MAD per recharge.", Sale.Origin.COUNTER, 1, null, T, T, null,
                new ma.hanout.domain.SaleAccount(ma.hanout.domain.Environment.PRODUCTION, "API-T"));
        assertThat(SaleExplanation.of(s, fr, true).meaning()).isEqualTo("Refusée : le serveur n'accepte pas ce montant.")
                .doesNotContain("Invalid");
        for (Language l : Language.values()) {
            assertThat(SaleExplanation.of(s, new I18n(l), true).meaning()).as(l.name()).doesNotContain("Invalid");
        }
    }

    @Test
    void refundedAndCancelledBothMeanGivingTheMoneyBack() {
        assertThat(SaleExplanation.of(sale(SaleState.ACCEPTED, 11, null), fr, true).stage()).isEqualTo(SaleStage.REFUNDED);
        SaleExplanation c = SaleExplanation.of(sale(SaleState.CANCELLED, null, null), fr, true);
        assertThat(c.stage()).isEqualTo(SaleStage.CANCELLED);
        assertThat(c.advice()).isEqualTo("Rendez l'argent au client.");
    }

    @Test
    void arabicExplanationsAreInArabic() {
        SaleExplanation e = SaleExplanation.of(sale(SaleState.ACCEPTED, 4, null), new I18n(Language.AR), true);
        assertThat(e.label()).isEqualTo("فشلت");
        assertThat(e.meaning()).isEqualTo("هذا الخط غير موجود");
    }
}
