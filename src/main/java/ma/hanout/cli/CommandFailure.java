package ma.hanout.cli;

/** The operation failed for a reason the user should read: exit 1, the message on stderr, no stack trace. */
public class CommandFailure extends RuntimeException {
    public CommandFailure(String message) {
        super(message);
    }

    public CommandFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
