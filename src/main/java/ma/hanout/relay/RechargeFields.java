package ma.hanout.relay;

import java.util.Optional;

import ma.hanout.domain.Money;

/**
 * The {@code recharge} object of a MoroccoTopup webhook. Amounts are exact ({@link Money#ofMad(java.math.BigDecimal)});
 * a field that is absent or not what the reference says is empty, never guessed.
 */
public record RechargeFields(Optional<String> refInterne, Optional<String> externalReference, Optional<String> phone,
        Optional<String> operator, Optional<Money> value, Optional<String> type, Optional<Money> billingAmount,
        Optional<String> createdAt, Optional<String> executedAt) {
}
