package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import ma.hanout.domain.Language;
import org.junit.jupiter.api.Test;

/** Counts read as people write them: "1 vente", not "1 ventes", and Arabic's six forms. */
class PluralTest {

    @Test
    void frenchCountsZeroAndOneAsSingular() {
        I18n fr = new I18n(Language.FR);
        assertThat(fr.plural("history.found", 0)).isEqualTo("0 vente");
        assertThat(fr.plural("history.found", 1)).isEqualTo("1 vente");
        assertThat(fr.plural("history.found", 2)).isEqualTo("2 ventes");
        assertThat(fr.plural("history.found", 1200)).isEqualTo("1\u202f200 ventes");
    }

    @Test
    void englishAndSpanishOnlyOne() {
        assertThat(new I18n(Language.EN).plural("history.found", 1)).isEqualTo("1 sale");
        assertThat(new I18n(Language.EN).plural("history.found", 0)).isEqualTo("0 sales");
        assertThat(new I18n(Language.ES).plural("history.found", 1)).isEqualTo("1 venta");
        assertThat(new I18n(Language.ES).plural("history.found", 3)).isEqualTo("3 ventas");
    }

    @Test
    void arabicHasItsSixFormsWithWesternDigits() {
        I18n ar = new I18n(Language.AR);
        assertThat(ar.plural("history.found", 0)).isEqualTo("لا عمليات");
        assertThat(ar.plural("history.found", 1)).isEqualTo("عملية واحدة");
        assertThat(ar.plural("history.found", 2)).isEqualTo("عمليتان");
        assertThat(ar.plural("history.found", 7)).isEqualTo("7 عمليات");
        assertThat(ar.plural("history.found", 24)).isEqualTo("24 عملية");
        assertThat(ar.plural("history.found", 103)).isEqualTo("103 عمليات");
        assertThat(ar.plural("history.found", 100)).isEqualTo("100 عملية");
    }

    @Test
    void everyPluralKeyOfEveryBundleNamesItsLanguagesOtherForm() {
        for (Language l : Language.values()) {
            I18n i18n = new I18n(l);
            for (String key : new String[] {"history.found", "history.found_more"}) {
                assertThat(i18n.get(key)).as(l + " " + key).contains("other{");
            }
        }
    }
}
