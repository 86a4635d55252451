package ma.hanout.domain;

/** A cashier already has an open shift at this terminal: close it before opening another. */
public final class ShiftAlreadyOpenException extends DomainException {
    public ShiftAlreadyOpenException(String cashier) {
        super("shift.already_open", cashier + " already has an open shift at this terminal: close it first");
    }
}
