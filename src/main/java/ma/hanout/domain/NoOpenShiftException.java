package ma.hanout.domain;

/** There is no open shift to close. */
public final class NoOpenShiftException extends DomainException {
    public NoOpenShiftException(String cashier) {
        super("shift.none_open", cashier == null ? "No shift is open at this terminal"
                : cashier + " has no open shift at this terminal");
    }
}
