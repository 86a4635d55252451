package ma.hanout.api;

/**
 * Any failed call to the MoroccoTopup API. Checked on purpose: every call can fail for reasons
 * outside the program (network, server, account), and the sale engine's promises ("nothing lost,
 * never twice") depend on each call site deciding what a failure means; the compiler then proves
 * that none was forgotten.
 *
 * <p>Two questions every failure answers:
 * <ul>
 *   <li>{@link #isDefinitive()}: the server gave an answer that will not change if the same request is
 *       sent again (a {@code 4xx} with an error code: refused funds, bad credentials, duplicate,
 *       not found, invalid payload). Not definitive = worth retrying later: no answer, a broken
 *       connection, a {@code 5xx}, an answer that could not be understood.</li>
 *   <li>{@link #mayHaveBeenApplied()}: whether the server may have acted on the request. False
 *       only when the request provably never arrived ({@link ApiUnreachableException}) or the
 *       server said it refused it (a definitive error). When true for a recharge, look it up by
 *       reference before sending it again.</li>
 * </ul>
 *
 * <p>Subtypes: {@link ApiErrorException} (the server answered with an error: one subclass per
 * error code, plus {@link ValidationException} and {@link ServerErrorException}),
 * {@link UnexpectedResponseException} (an answer that is not what the reference describes), and
 * {@link ApiTransportException} (no complete answer: {@link ApiUnreachableException},
 * {@link ApiTimeoutException}, {@link ApiConnectionLostException}).
 */
public abstract class ApiException extends Exception {
    private final String endpoint;
    private final int httpStatus;
    private final String errorCode;
    private final String serverMessage;

    protected ApiException(String endpoint, int httpStatus, String errorCode, String serverMessage, String message,
            Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    /** The call that failed, e.g. {@code POST /recharge} or {@code GET /sandbox/recharge/by-ref/TEST-001}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status the server answered, or 0 when no answer came. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's error code ({@code parameters.code}, e.g. {@code INSUFFICIENT_FUNDS}), or null. */
    public String errorCode() {
        return errorCode;
    }

    /** The server's {@code message}, as sent (often French), or null. */
    public String serverMessage() {
        return serverMessage;
    }

    /** A server answer that will not change if the same request is sent again; see the class comment. */
    public abstract boolean isDefinitive();

    /** Not definitive: the same request may succeed later. */
    public final boolean isRetryable() {
        return !isDefinitive();
    }

    /** Whether the server may have acted on the request; see the class comment. */
    public abstract boolean mayHaveBeenApplied();
}
