package ma.hanout.cli;

/** The command was called wrongly in a way picocli could not see (e.g. a flag's value): exit 2. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
