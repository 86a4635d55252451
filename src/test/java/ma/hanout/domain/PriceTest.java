package ma.hanout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PriceTest {

    @ParameterizedTest
    @CsvSource({
            "10, 6.5, 9.35", // the reference's example
            "10, 0, 10",
            "10, -3.0, 10.30", // negative margin: the shop pays more than face value
            "20, 6.5, 18.70",
            "5, 3.333, 4.83", // 4.83335 rounds half-up
            "0.15, 50, 0.08", // 0.075 rounds half-up
            "100, 100, 0"})
    void billsValueTimesOneMinusMarginRoundedHalfUp(String value, String margin, String billing) {
        Price price = new Price(Operator.ORANGE, new BigDecimal(margin));
        assertThat(price.billingFor(Money.ofMad(new BigDecimal(value))))
                .isEqualTo(Money.ofMad(new BigDecimal(billing)));
    }

    @Test
    void needsAnOperatorAndAMargin() {
        assertThatThrownBy(() -> new Price(null, BigDecimal.ONE)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Price(Operator.INWI, null)).isInstanceOf(NullPointerException.class);
    }
}
