package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import ma.hanout.domain.InvalidPhoneException;
import ma.hanout.domain.Language;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Promo;
import ma.hanout.domain.SaleState;
import ma.hanout.ui.history.StatusFilter;
import ma.hanout.ui.sale.SaleStage;
import ma.hanout.ui.shell.Screen;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class I18nBundlesTest {

    private static Set<String> keys(Language lang) {
        return new TreeSet<>(new I18n(lang).bundle().keySet());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyBundleHasExactlyTheFrenchKeys(Language lang) {
        assertThat(keys(lang)).containsExactlyElementsOf(keys(Language.FR));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyPhoneReasonIsTranslated(Language lang) {
        I18n i18n = new I18n(lang);
        for (InvalidPhoneException.Reason r : InvalidPhoneException.Reason.values()) {
            assertThat(i18n.has(r.code())).as(lang + " " + r.code()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void noValueIsBlank(Language lang) {
        I18n i18n = new I18n(lang);
        for (String k : i18n.bundle().keySet()) {
            assertThat(i18n.get(k)).as(lang + " " + k).isNotBlank();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyOfferOfEveryOperatorHasALabel(Language lang) {
        I18n i18n = new I18n(lang);
        for (Operator o : Operator.values()) {
            for (Promo p : Promo.offeredFor(o)) {
                assertThat(i18n.has(p.labelKey(o))).as(lang + " " + p.labelKey(o)).isTrue();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyStageStateFilterAndScreenHasALabel(Language lang) {
        I18n i18n = new I18n(lang);
        for (SaleStage s : SaleStage.values()) {
            assertThat(i18n.has(s.labelKey())).as(s.labelKey()).isTrue();
        }
        for (SaleState s : SaleState.values()) {
            assertThat(i18n.has("state." + s.name())).as("state." + s).isTrue();
        }
        for (StatusFilter f : StatusFilter.values()) {
            assertThat(i18n.has(f.labelKey())).as(f.labelKey()).isTrue();
        }
        for (Screen s : Screen.values()) {
            assertThat(i18n.has(s.labelKey())).as(s.labelKey()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theEnginesRefusalsAreTranslated(Language lang) {
        I18n i18n = new I18n(lang);
        for (String code : new String[] {"sale.cancel_refused", "sale.busy", "sale.not_queued", "sale.not_found",
                "reference.duplicate", "settings.credentials_missing", "query.dates_reversed", "query.phone_invalid"}) {
            assertThat(i18n.has("error." + code)).as(lang + " " + code).isTrue();
        }
        for (String code : new String[] {"INSUFFICIENT_FUNDS", "CLIENT_SUSPENDED", "IP_NOT_ALLOWED", "AUTH_MISSING",
                "AUTH_INVALID", "DUPLICATE_REFERENCE", "DAILY_LIMIT_EXCEEDED", "NOT_FOUND"}) {
            assertThat(i18n.has("error.api." + code)).as(lang + " " + code).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void apostrophesSurviveFormattingWithArguments(Language lang) {
        I18n i18n = new I18n(lang);
        String text = i18n.get("status.failed_to_open", "X");
        assertThat(text).contains("X").doesNotContain("{0}");
        if (lang == Language.FR) {
            assertThat(text).isEqualTo("Impossible d'ouvrir les données : X");
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void countsAreWrittenInWesternDigits(Language lang) {
        assertThat(new I18n(lang).get("history.count", 1200)).contains("1").doesNotContain("١");
    }
}
