package ma.hanout.engine;

import ma.hanout.domain.Money;

/**
 * Whether the known balance can cover a sale, before it is made.
 *
 * @param estimatedBilling what the sale should cost the shop, from the cached margin (null: no price known)
 * @param available        known balance + credit limit − what queued and uncertain sales will take (null: unknown)
 * @param balanceKnownAt   when the balance was last learned, as epoch millis (0: never)
 */
public record Coverage(Money estimatedBilling, Money available, long balanceKnownAt) {

    /** True unless we know the balance and it is short: an unknown balance never blocks a sale. */
    public boolean covered() {
        return available == null || estimatedBilling == null || available.compareTo(estimatedBilling) >= 0;
    }
}
