package ma.hanout.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a set of sales took (the owner's takings): the successful sales' count, face value and what
 * the server billed for them, and how many failed, were refunded or are still pending. A cancelled
 * sale counts nowhere: nothing was sold.
 *
 * @param successes accepted with a success status (3, 19, 20)
 * @param faceValue the sum of the successful sales' values: what the customers paid
 * @param billed    the sum of their {@code billing_amount}: what the shop paid the provider
 * @param failures  rejected, or accepted with a failure status (4-10, 12)
 * @param refunds   accepted, then refunded (11)
 * @param pending   not settled yet (queued, sending, uncertain, or a pending or unknown status)
 */
public record Takings(long successes, Money faceValue, Money billed, long failures, long refunds, long pending) {

    public static final Takings NONE = new Takings(0, Money.ZERO, Money.ZERO, 0, 0, 0);

    /** Face value minus billed: what the shop earned. */
    public Money margin() {
        return faceValue.minus(billed);
    }

    /** The margin as a percentage of the face value, two decimals; null when nothing was sold. */
    public BigDecimal marginPercent() {
        if (faceValue.centimes() == 0) {
            return null;
        }
        return BigDecimal.valueOf(margin().centimes() * 100).divide(BigDecimal.valueOf(faceValue.centimes()), 2,
                RoundingMode.HALF_EVEN);
    }

    /** Every sale counted: successes, failures, refunds and pending. */
    public long sales() {
        return successes + failures + refunds + pending;
    }

    public Takings plus(Takings o) {
        return new Takings(successes + o.successes, faceValue.plus(o.faceValue), billed.plus(o.billed),
                failures + o.failures, refunds + o.refunds, pending + o.pending);
    }
}
