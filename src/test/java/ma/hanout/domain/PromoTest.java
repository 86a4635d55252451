package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PromoTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0|0", "6|6", "*6|6", " *9 |9", "1|1", "*0|0"})
    void parsesTheWireFormAndTheStarForm(String text, int type) {
        assertThat(Promo.parse(text).type()).isEqualTo(type);
    }

    @Test
    void emptyOrMissingIsPlain() {
        assertThat(Promo.parse(null)).isEqualTo(Promo.PLAIN);
        assertThat(Promo.parse("")).isEqualTo(Promo.PLAIN);
        assertThat(Promo.parse("  ")).isEqualTo(Promo.PLAIN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10", "a", "*", "**6", "-1", "6*", "six"})
    void refusesWhatIsNotATypeWithAClearReason(String text) {
        assertThatThrownBy(() -> Promo.parse(text))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("promo.invalid"))
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void refusesTypesOutOfRange() {
        assertThatThrownBy(() -> new Promo(10))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("promo.out_of_range"));
        assertThatThrownBy(() -> new Promo(-1)).isInstanceOf(DomainException.class);
    }

    @Test
    void wireStarAndLabel() {
        Promo six = new Promo(6);
        assertThat(six.wire()).isEqualTo("6");
        assertThat(six.star()).isEqualTo("*6");
        assertThat(six.isPlain()).isFalse();
        assertThat(six.labelKey(Operator.INWI)).isEqualTo("promo.inwi.6");
        assertThat(six.labelKey(Operator.MAROC_TELECOM)).isEqualTo("promo.maroc_telecom.6");
        assertThat(six).hasToString("*6");
        assertThat(Promo.PLAIN.wire()).isEqualTo("0");
        assertThat(Promo.PLAIN.star()).isEmpty();
        assertThat(Promo.PLAIN.isPlain()).isTrue();
        assertThat(Promo.PLAIN.labelKey(Operator.ORANGE)).isEqualTo("promo.plain");
        assertThat(Promo.PLAIN).hasToString("plain");
    }

    @Test
    void everyOperatorOffersPlainFirstAndOnlyValidTypes() {
        for (Operator o : Operator.values()) {
            assertThat(Promo.offeredFor(o)).first().isEqualTo(Promo.PLAIN);
            assertThat(Promo.offeredFor(o)).doesNotHaveDuplicates().contains(new Promo(6));
        }
    }
}
