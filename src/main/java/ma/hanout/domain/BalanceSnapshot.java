package ma.hanout.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The account balance as the API stated it at one moment ({@code /balance}, a sale's
 * {@code balance_after}, a bulk answer's {@code balance}).
 *
 * @param creditLimit null when the answer did not say
 * @param currency    the API's {@code devise}, {@code MAD}
 * @param source      which answer it came from ({@code balance}, {@code sale}, {@code bulk}, ...)
 */
public record BalanceSnapshot(Money balance, Money creditLimit, String currency, Instant at, String source) {

    public BalanceSnapshot {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
