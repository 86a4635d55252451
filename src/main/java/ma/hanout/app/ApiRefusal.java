package ma.hanout.app;

import ma.hanout.api.ApiErrorException;
import ma.hanout.api.ApiException;
import ma.hanout.api.ApiTransportException;
import ma.hanout.domain.DomainException;

/**
 * The API said no (or could not be asked) to an account action: a sign-in check, a webhook
 * change. {@link #errorCode()} is the server's code ({@code AUTH_INVALID}, {@code WEBHOOK_URL_INVALID}...)
 * or {@code UNREACHABLE} when no answer came; screens and the command line show it as is.
 */
public final class ApiRefusal extends DomainException {
    public static final String UNREACHABLE = "UNREACHABLE";
    private final String errorCode;
    private final String serverMessage;

    ApiRefusal(String errorCode, String serverMessage, String message) {
        super("api." + errorCode, message);
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    public String errorCode() {
        return errorCode;
    }

    /** What the server said, as sent (often French), or null. */
    public String serverMessage() {
        return serverMessage;
    }

    static ApiRefusal of(ApiException e) {
        if (e instanceof ApiTransportException) {
            return new ApiRefusal(UNREACHABLE, null, UNREACHABLE + ": the API could not be reached (" + e.getMessage() + ")");
        }
        String code = e.errorCode() != null ? e.errorCode()
                : e instanceof ApiErrorException ? "HTTP_" + e.httpStatus() : "UNEXPECTED_RESPONSE";
        String said = e.serverMessage();
        return new ApiRefusal(code, said, code + (said == null || said.isBlank() ? "" : ": " + said));
    }
}
