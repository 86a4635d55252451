package ma.hanout.receipt;

/** A printer did not take the receipt; the message says which printer and what to check. */
public final class PrintFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, so that a screen can say it in the cashier's language. */
    public enum Reason {
        /** Nothing listens at that address: the printer is off, unplugged, or the address is wrong. */
        REFUSED,
        /** The printer did not answer or stopped reading within the time allowed. */
        TIMEOUT,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** The printer answered that it is offline (cover open, out of paper). */
        OFFLINE,
        /** No system printer by that name. */
        NOT_FOUND,
        /** Any other failure of the connection, the spooler or the file. */
        FAILED
    }

    private final Reason reason;
    private final String printer;

    public PrintFailure(Reason reason, String printer, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.printer = printer;
    }

    public Reason reason() {
        return reason;
    }

    /** The printer as configured ({@code tcp://192.168.1.50:9100}, a system printer's name, a file). */
    public String printer() {
        return printer;
    }
}
