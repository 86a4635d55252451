package ma.hanout.sim;

import java.math.BigDecimal;
import java.util.Map;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;

/** The account's margin per operator, and what a recharge is billed: {@code value × (1 − margin/100)}, to the centime. */
final class PriceList {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Map<Operator, BigDecimal> margins;

    PriceList(Map<Operator, BigDecimal> margins) {
        this.margins = Map.copyOf(margins);
    }

    BigDecimal marginPercent(Operator operator) {
        return margins.get(operator);
    }

    Money billing(Operator operator, Money value) {
        BigDecimal factor = HUNDRED.subtract(margins.get(operator));
        return Money.ofMadRounded(value.toMad().multiply(factor).divide(HUNDRED));
    }
}
