package ma.hanout.domain;

import java.util.Objects;

/**
 * What a shift sold, as the close prints it and keeps it.
 *
 * @param sales        every sale of the shift but cancelled ones
 * @param expectedCash the face value of the successful sales: what should be in the drawer
 * @param countedCash  what the cashier counted, null when not counted
 */
public record ShiftReport(long sales, long successes, long failures, long refunds, long pending, Money expectedCash,
        Money countedCash) {

    public ShiftReport {
        Objects.requireNonNull(expectedCash, "expectedCash");
    }

    /** Counted minus expected (negative: cash missing); null when the cash was not counted. */
    public Money difference() {
        return countedCash == null ? null : countedCash.minus(expectedCash);
    }
}
