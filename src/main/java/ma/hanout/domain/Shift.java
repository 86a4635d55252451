package ma.hanout.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A cashier's shift at one terminal: open from {@code openedAt}; once closed it carries its report
 * and never changes again.
 *
 * @param terminal the data folder's terminal name (one open shift per cashier and terminal)
 * @param closedBy who closed it (the cashier, or the owner), null while open
 * @param report   null while open
 */
public record Shift(long id, String cashier, String terminal, SaleAccount account, Instant openedAt,
        Instant closedAt, String closedBy, ShiftReport report) {
    /**
     * The name a demo shop without users (and the command line without --cashier) acts and
     * keeps shifts under; screens and slips show it as the owner in their language.
     */
    public static final String NAMELESS_OWNER = "owner";

    public Shift {
        Objects.requireNonNull(cashier, "cashier");
        Objects.requireNonNull(terminal, "terminal");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(openedAt, "openedAt");
        if ((closedAt == null) != (report == null)) {
            throw new IllegalArgumentException("a shift has a report exactly when it is closed");
        }
    }

    public boolean isOpen() {
        return closedAt == null;
    }
}
