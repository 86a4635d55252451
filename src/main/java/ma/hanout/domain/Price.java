package ma.hanout.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * What the shop pays for a top-up on one operator, from {@code GET /prices}:
 * {@code billing = value × (1 − margin/100)}. A negative margin means the shop pays more than
 * the face value.
 *
 * @param marginPercent exact, as the API gave it ({@code 6.5}, {@code -3.0})
 */
public record Price(Operator operator, BigDecimal marginPercent) {

    public Price {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(marginPercent, "marginPercent");
    }

    /** The amount billed for a top-up of {@code value}, rounded half-up to the centime (10 at 6.5 % -> 9.35). */
    public Money billingFor(Money value) {
        BigDecimal factor = BigDecimal.ONE.subtract(marginPercent.movePointLeft(2));
        BigDecimal centimes = BigDecimal.valueOf(value.centimes()).multiply(factor);
        return Money.ofCentimes(centimes.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
