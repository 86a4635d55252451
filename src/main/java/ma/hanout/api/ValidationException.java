package ma.hanout.api;

/**
 * A {@code 4xx} JSON error whose code is not in the reference's table, or that has no code: the
 * reference warns that other validation errors exist ("Operateur invalide...", "Missing or invalid
 * payload (phone, operator, value)."). The server refused the request as sent. Definitive.
 */
public final class ValidationException extends ApiErrorException {
    public ValidationException(String endpoint, int httpStatus, String errorCode, String serverMessage) {
        super(endpoint, httpStatus, errorCode, serverMessage);
    }
}
