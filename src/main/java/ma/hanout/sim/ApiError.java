package ma.hanout.sim;

/**
 * An error the simulator answers as {@code {"message": ..., "parameters": {"code": ...}}} with its
 * HTTP status. The codes of the reference's table keep the reference's statuses; the validation
 * codes are the simulator's own (README, "Simulator").
 */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The reference's wording for a payload that lacks one of the three required fields. */
    static final String MISSING_PAYLOAD_MESSAGE = "Missing or invalid payload (phone, operator, value).";
    /** The reference's wording for an operator that is not spelled exactly. */
    static final String INVALID_OPERATOR_MESSAGE = "Operateur invalide. Valeurs autorisées: Orange, Inwi, Maroc Telecom.";

    private final int status;
    private final String code;

    ApiError(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiError authMissing() {
        return new ApiError(401, "AUTH_MISSING", "Missing API credentials.");
    }

    static ApiError authInvalid() {
        return new ApiError(401, "AUTH_INVALID", "Invalid API credentials.");
    }

    static ApiError clientSuspended() {
        return new ApiError(403, "CLIENT_SUSPENDED", "Account suspended.");
    }

    static ApiError ipNotAllowed(String ip) {
        return new ApiError(403, "IP_NOT_ALLOWED", "IP not allowed: " + ip + ".");
    }

    static ApiError insufficientFunds() {
        return new ApiError(400, "INSUFFICIENT_FUNDS", "Insufficient balance.");
    }

    static ApiError dailyLimitExceeded() {
        return new ApiError(400, "DAILY_LIMIT_EXCEEDED", "Daily limit reached.");
    }

    static ApiError duplicateReference() {
        return new ApiError(409, "DUPLICATE_REFERENCE", "External reference already used.");
    }

    static ApiError notFound() {
        return new ApiError(404, "NOT_FOUND", "Recharge not found.");
    }

    static ApiError webhookUrlRequired() {
        return new ApiError(400, "WEBHOOK_URL_REQUIRED", "webhook_url is required.");
    }

    static ApiError webhookUrlInvalid(String why) {
        return new ApiError(400, "WEBHOOK_URL_INVALID", "Invalid webhook_url: " + why + ".");
    }

    /** A body without phone, operator or value (or with one of them empty or of the wrong JSON type). */
    static ApiError missingPayload() {
        return new ApiError(400, "INVALID_PAYLOAD", MISSING_PAYLOAD_MESSAGE);
    }

    static ApiError invalidPayload(String message) {
        return new ApiError(400, "INVALID_PAYLOAD", message);
    }

    static ApiError invalidJson(String detail) {
        return new ApiError(400, "INVALID_JSON", "The body is not valid JSON: " + detail);
    }

    static ApiError invalidOperator() {
        return new ApiError(400, "INVALID_OPERATOR", INVALID_OPERATOR_MESSAGE);
    }

    static ApiError invalid(String code, String message) {
        return new ApiError(400, code, message);
    }

    /** A path the API does not have; not {@code NOT_FOUND}, which means "no such recharge" to a client. */
    static ApiError routeNotFound(String method, String path) {
        return new ApiError(404, "ROUTE_NOT_FOUND", "No such endpoint: " + method + " " + path);
    }

    static ApiError simulatedFailure() {
        return new ApiError(500, "INTERNAL_ERROR", "Internal server error.");
    }

    static ApiError payloadTooLarge(int limit) {
        return new ApiError(413, "PAYLOAD_TOO_LARGE", "The body is larger than " + limit + " bytes.");
    }
}
