package ma.hanout.domain;

/**
 * A value was refused by a domain rule. Carries a stable {@link #code()} that screens and the
 * command line translate, and an English message for logs and stderr.
 */
public class DomainException extends IllegalArgumentException {
    private final String code;

    public DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable machine-readable reason, e.g. {@code phone.too_short}. */
    public String code() {
        return code;
    }
}
