package ma.hanout.domain;

/**
 * A value was refused by a domain rule. Carries a stable {@link #code()} that screens and the
 * command line translate, and an English message for logs and stderr.
 */
public class DomainException extends IllegalArgumentException {
    private final String code;
    private final java.util.List<Object> args;

    public DomainException(String code, String message) {
        this(code, message, new Object[0]);
    }

    /** {@code args} fill the translated sentence of {@code code} ({0}, {1}…), as the message has them in English. */
    public DomainException(String code, String message, Object... args) {
        super(message);
        this.code = code;
        this.args = java.util.List.of(args);
    }

    /** What the translated sentence of {@link #code()} is filled with, in order. */
    public java.util.List<Object> args() {
        return args;
    }

    /** A stable machine-readable reason, e.g. {@code phone.too_short}. */
    public String code() {
        return code;
    }
}
