package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({"9.35,935", "10,1000", "10.0,1000", "10.00,1000", "10.000,1000", "0.01,1", "0,0", "-3.5,-350",
            "1E+2,10000", "1234567.89,123456789"})
    void convertsApiAmountsExactly(String mad, long centimes) {
        assertThat(Money.ofMad(new BigDecimal(mad)).centimes()).isEqualTo(centimes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.355", "0.001", "10.0001", "-0.005"})
    void refusesFractionsOfACentimeRatherThanRounding(String mad) {
        assertThatThrownBy(() -> Money.ofMad(new BigDecimal(mad)))
                .isInstanceOfSatisfying(InvalidMoneyException.class,
                        e -> assertThat(e.code()).isEqualTo("money.fraction_of_centime"))
                .hasMessageContaining(mad);
    }

    @Test
    void refusesAMissingAmount() {
        assertThatThrownBy(() -> Money.ofMad((BigDecimal) null))
                .isInstanceOfSatisfying(InvalidMoneyException.class, e -> assertThat(e.code()).isEqualTo("money.missing"));
    }

    @Test
    void refusesHugeAmountsAsOutOfRangeNotAsFractions() {
        assertThatThrownBy(() -> Money.ofMad(new BigDecimal("1E+30")))
                .isInstanceOfSatisfying(InvalidMoneyException.class,
                        e -> assertThat(e.code()).isEqualTo("money.out_of_range"));
        assertThatThrownBy(() -> Money.ofMad(Long.MAX_VALUE))
                .isInstanceOfSatisfying(InvalidMoneyException.class,
                        e -> assertThat(e.code()).isEqualTo("money.out_of_range"));
        assertThatThrownBy(() -> Money.ofMadRounded(new BigDecimal("1E+30")))
                .isInstanceOfSatisfying(InvalidMoneyException.class,
                        e -> assertThat(e.code()).isEqualTo("money.out_of_range"));
        assertThatThrownBy(() -> Money.ofCentimes(1_000_000_000_001L)).isInstanceOf(InvalidMoneyException.class);
        assertThat(Money.ofCentimes(1_000_000_000_000L).centimes()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void ofMadOfWholeDirhams() {
        assertThat(Money.ofMad(10).centimes()).isEqualTo(1000);
        assertThat(Money.ofMad(10).isWholeDirhams()).isTrue();
        assertThat(Money.ofCentimes(1050).isWholeDirhams()).isFalse();
    }

    @Test
    void roundsComputedAmountsHalfUp() {
        assertThat(Money.ofMadRounded(new BigDecimal("9.345")).centimes()).isEqualTo(935);
        assertThat(Money.ofMadRounded(new BigDecimal("9.3449")).centimes()).isEqualTo(934);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "10|1000", "10,5|1050", "10.5|1050", "10,50|1050", "10.50 DH|1050", "10 DH|1000", "10dh|1000",
            "10 Dhs|1000", "10 MAD|1000", "10mad|1000", "1 000|100000", "1 000,50 DH|100050", "  25  |2500",
            "0,01|1", "1\u00a0000|100000", "1\u202f250,00 DH|125000"})
    void parsesWhatAPersonTypes(String text, long centimes) {
        assertThat(Money.parse(text).centimes()).isEqualTo(centimes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "DH", "10,5,5", "10.", ".5", "ten", "10 EUR", "1e3", "--5"})
    void refusesWhatIsNotAnAmount(String text) {
        assertThatThrownBy(() -> Money.parse(text))
                .isInstanceOfSatisfying(InvalidMoneyException.class,
                        e -> assertThat(e.code()).isEqualTo("money.not_a_number"))
                .hasMessageContaining(text.strip());
    }

    @Test
    void refusesEmptyAndFractionsWhenParsing() {
        assertThatThrownBy(() -> Money.parse(" ")).isInstanceOfSatisfying(InvalidMoneyException.class,
                e -> assertThat(e.code()).isEqualTo("money.empty"));
        assertThatThrownBy(() -> Money.parse(null)).isInstanceOf(InvalidMoneyException.class);
        // a thousands comma is not read as a decimal one, even when the digits after it end in zero
        for (String ambiguous : new String[] {"1,000", "1.000", "2,500", "10,500"}) {
            assertThatThrownBy(() -> Money.parse(ambiguous)).as(ambiguous).isInstanceOfSatisfying(
                    InvalidMoneyException.class, e -> assertThat(e.code()).isEqualTo("money.fraction_of_centime"));
        }
        assertThatThrownBy(() -> Money.parse("10,555")).isInstanceOfSatisfying(InvalidMoneyException.class,
                e -> assertThat(e.code()).isEqualTo("money.fraction_of_centime"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1000|10,00 DH", "935|9,35 DH", "5|0,05 DH", "0|0,00 DH", "-150|-1,50 DH",
            "125000|1\u202f250,00 DH", "100000|1\u202f000,00 DH", "99999|999,99 DH",
            "123456789|1\u202f234\u202f567,89 DH", "-100000000|-1\u202f000\u202f000,00 DH"})
    void displaysTheMoroccanWayWithGroupedThousands(long centimes, String shown) {
        assertThat(Money.ofCentimes(centimes).display()).isEqualTo(shown);
    }

    @Test
    void displayParsesBack() {
        for (long c : new long[] {0, 1, 935, 125000, 123456789}) {
            assertThat(Money.parse(Money.ofCentimes(c).display()).centimes()).isEqualTo(c);
        }
    }

    @Test
    void displayTakesAnotherUnit() {
        assertThat(Money.ofCentimes(1000).display("MAD")).isEqualTo("10,00 MAD");
    }

    @ParameterizedTest
    @CsvSource({"1000,10", "935,9.35", "950,9.5", "0,0", "100000,1000", "1,0.01", "-350,-3.5"})
    void toMadHasNoTrailingZerosAndNoExponent(long centimes, String mad) {
        assertThat(Money.ofCentimes(centimes).toMad().toPlainString()).isEqualTo(mad);
        assertThat(Money.ofCentimes(centimes).toMad().toString()).isEqualTo(mad);
        assertThat(Money.ofCentimes(centimes).toMad().scale()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void arithmeticAndComparison() {
        Money ten = Money.ofMad(10);
        Money nine35 = Money.ofCentimes(935);
        assertThat(ten.plus(nine35).centimes()).isEqualTo(1935);
        assertThat(ten.minus(nine35).centimes()).isEqualTo(65);
        assertThat(nine35.minus(ten).isNegative()).isTrue();
        assertThat(ten.negate().centimes()).isEqualTo(-1000);
        assertThat(ten.isPositive()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ZERO.isNegative()).isFalse();
        assertThat(ten).isGreaterThan(nine35);
        assertThat(ten).hasToString("10 MAD");
        assertThat(nine35).hasToString("9.35 MAD");
    }
}
