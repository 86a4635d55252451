package ma.hanout.api;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;

/**
 * One line of {@code GET /prices}: the reseller's margin on an operator. The server names the
 * operator in lower case here ({@code orange}, {@code inwi}), unlike the case-sensitive request field.
 */
public record OperatorPrice(
        @JsonProperty(value = "operator", required = true) String operator,
        @JsonProperty(value = "margin_percent", required = true) BigDecimal marginPercent) {

    public OperatorPrice {
        ApiJson.present(operator, "operator");
        ApiJson.present(marginPercent, "margin_percent");
    }

    /** The operator this line is about, when it is one of the three the app knows. */
    public Optional<Operator> knownOperator() {
        try {
            return Optional.of(Operator.parse(operator.toLowerCase(Locale.ROOT)));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    /** What the account is billed for a recharge of {@code value}: value × (1 − margin/100), rounded to the centime. */
    public Money billingFor(Money value) {
        BigDecimal factor = BigDecimal.ONE.subtract(marginPercent.movePointLeft(2));
        return Money.ofMadRounded(value.toMad().multiply(factor));
    }
}
