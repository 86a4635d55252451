package ma.hanout.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import ma.hanout.domain.InvalidPhoneException;
import ma.hanout.domain.Language;
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
}
