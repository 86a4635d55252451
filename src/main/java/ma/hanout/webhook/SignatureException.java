package ma.hanout.webhook;

/**
 * A webhook signature is missing, malformed, stale or does not match. The message says which, in
 * words an operator can act on; it never echoes the secret.
 */
public final class SignatureException extends Exception {
    /** Why verification failed; the relay counts rejections by reason. */
    public enum Reason { MISSING, MALFORMED, STALE, FUTURE, MISMATCH }

    private final Reason reason;

    public SignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
