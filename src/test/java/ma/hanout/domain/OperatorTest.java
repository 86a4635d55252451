package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class OperatorTest {

    @Test
    void wireNamesAreExactlyTheApiSpelling() {
        assertThat(Operator.ORANGE.wireName()).isEqualTo("Orange");
        assertThat(Operator.INWI.wireName()).isEqualTo("Inwi");
        assertThat(Operator.MAROC_TELECOM.wireName()).isEqualTo("Maroc Telecom");
    }

    @Test
    void fromWireFindsEachOperatorByItsExactName() {
        for (Operator o : Operator.values()) {
            assertThat(Operator.fromWire(o.wireName())).contains(o);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"orange", "ORANGE", "inwi", "INWI", "maroc telecom", "Maroc telecom", "MarocTelecom",
            " Orange", "Inwi ", "IAM", "", "Maroc_Telecom"})
    void fromWireIsCaseSensitiveAndStrict(String s) {
        assertThat(Operator.fromWire(s)).isEmpty();
    }

    @Test
    void fromWireOfNullIsEmpty() {
        assertThat(Operator.fromWire(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "Orange,ORANGE", "orange,ORANGE", "ORANGE,ORANGE", "  orange  ,ORANGE", "meditel,ORANGE", "Méditel,ORANGE",
            "o,ORANGE",
            "Inwi,INWI", "inwi,INWI", "INWI,INWI", "wana,INWI", "i,INWI",
            "Maroc Telecom,MAROC_TELECOM", "maroc telecom,MAROC_TELECOM", "MAROC-TELECOM,MAROC_TELECOM",
            "maroc_telecom,MAROC_TELECOM", "maroctelecom,MAROC_TELECOM", "Maroc  Telecom,MAROC_TELECOM",
            "Maroc Télécom,MAROC_TELECOM", "iam,MAROC_TELECOM", "IAM,MAROC_TELECOM", "mt,MAROC_TELECOM",
            "m,MAROC_TELECOM", "Itissalat Al-Maghrib,MAROC_TELECOM"})
    void parseIsLenientForPeopleAndFiles(String input, Operator expected) {
        assertThat(Operator.parse(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "orangee", "free", "Vodafone", "0"})
    void parseRefusesUnknownNamesWithTheAcceptedOnes(String input) {
        assertThatThrownBy(() -> Operator.parse(input))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("operator.unknown");
                    assertThat(e.getMessage()).contains("'" + input + "'")
                            .contains("Orange").contains("Inwi").contains("Maroc Telecom");
                });
    }

    @Test
    void parseRefusesNull() {
        assertThatThrownBy(() -> Operator.parse(null)).isInstanceOf(DomainException.class)
                .hasMessageContaining("Unknown operator");
    }

    @ParameterizedTest
    @CsvSource({"0661,MAROC_TELECOM", "0662,MAROC_TELECOM", "0670,MAROC_TELECOM", "0610,MAROC_TELECOM",
            "0766,MAROC_TELECOM", "0612,ORANGE", "0663,ORANGE", "0664,ORANGE", "0700,ORANGE", "0770,ORANGE",
            "0626,INWI", "0633,INWI", "0680,INWI", "0699,INWI", "0702,INWI", "0710,INWI"})
    void hintsTheOriginalOperatorOfAPrefix(String prefix, Operator expected) {
        assertThat(Operator.hintFor(new Phone(prefix + "123456"))).contains(expected);
    }

    @Test
    void hintIsNeverEmptyForAllocatedMobilePrefixes() {
        // 0610..0699 except the handful never allocated, and 0700..0719, 0761..0779
        for (int p = 610; p <= 779; p++) {
            if ((p >= 683 && p <= 686 && p != 684) || (p >= 720 && p <= 760)) {
                continue;
            }
            Phone phone = new Phone("0" + p + "123456");
            assertThat(Operator.hintFor(phone)).as("hint for 0%d", p).isPresent();
        }
    }

    @Test
    void hintIsEmptyRatherThanAGuessForUnallocatedPrefixes() {
        assertThat(Operator.hintFor(new Phone("0600123456"))).isEmpty();
        assertThat(Operator.hintFor(new Phone("0799123456"))).isEmpty();
    }

    @Test
    void eachOperatorHasItsOwnShortcutKey() {
        assertThat(Operator.ORANGE.key()).isEqualTo('O');
        assertThat(Operator.INWI.key()).isEqualTo('I');
        assertThat(Operator.MAROC_TELECOM.key()).isEqualTo('M');
        assertThat(Operator.INWI.displayName()).isEqualTo("inwi");
    }
}
