package ma.hanout.api;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Turns a non-2xx answer into its typed exception: the error code decides (one switch), the HTTP
 * status only when the code is unknown or absent ({@code 4xx} = validation, {@code 5xx} = server
 * error, anything else = unexpected).
 */
final class ErrorResponses {
    private static final int SNIPPET = 160;

    private ErrorResponses() {
    }

    /** The exception for a non-2xx answer with {@code body}. */
    static ApiException fromAnswer(String endpoint, int status, byte[] body) {
        JsonNode json = null;
        try {
            json = ApiJson.MAPPER.readTree(body);
        } catch (IOException e) {
            // not JSON: handled below by status
        }
        if (json == null || !json.isObject()) {
            if (status >= 500 && status <= 599) {
                return new ServerErrorException(endpoint, status, null, snippet(body));
            }
            return new UnexpectedResponseException(endpoint, status, null,
                    "the error body is not the API's JSON error: " + quoted(body), null);
        }
        String code = text(json.path("parameters").path("code"));
        if (code == null) {
            // tolerated shapes: a top-level code, or the bulk items' "error"
            code = text(json.path("code"));
        }
        if (code == null) {
            code = text(json.path("error"));
        }
        String message = text(json.path("message"));
        ApiException e = forCode(endpoint, status, code, message);
        if (e == null) {
            return new UnexpectedResponseException(endpoint, status, code,
                    "error code " + (code == null ? "(none)" : code) + " on a " + status + " answer"
                            + (message == null ? "" : ": " + message), null);
        }
        return e;
    }

    /** A refused bulk item: the exception a single recharge would have got, with the table's HTTP status. */
    static ApiErrorException forBulkItem(String code, String message) {
        String endpoint = "POST /recharge/bulk (item)";
        ApiErrorException e = forCode(endpoint, documentedStatus(code), code, message);
        return e != null ? e : new ValidationException(endpoint, 400, code, message);
    }

    /**
     * The one mapping from error code to exception. Returns null for an unknown code on a status
     * that is neither 4xx nor 5xx.
     */
    static ApiErrorException forCode(String endpoint, int status, String code, String message) {
        switch (code == null ? "" : code) {
            case "AUTH_MISSING":
                return new AuthMissingException(endpoint, status, code, message);
            case "AUTH_INVALID":
                return new AuthInvalidException(endpoint, status, code, message);
            case "CLIENT_SUSPENDED":
                return new ClientSuspendedException(endpoint, status, code, message);
            case "IP_NOT_ALLOWED":
                return new IpNotAllowedException(endpoint, status, code, message);
            case "INSUFFICIENT_FUNDS":
                return new InsufficientFundsException(endpoint, status, code, message);
            case "DAILY_LIMIT_EXCEEDED":
                return new DailyLimitExceededException(endpoint, status, code, message);
            case "DUPLICATE_REFERENCE":
                return new DuplicateReferenceException(endpoint, status, code, message);
            case "NOT_FOUND":
                return new NotFoundException(endpoint, status, code, message);
            case "WEBHOOK_URL_REQUIRED":
                return new WebhookUrlRequiredException(endpoint, status, code, message);
            case "WEBHOOK_URL_INVALID":
                return new WebhookUrlInvalidException(endpoint, status, code, message);
            case "WEBHOOK_UPDATE_FAILED":
                return new WebhookUpdateFailedException(endpoint, status, code, message);
            default:
                if (status >= 400 && status <= 499) {
                    return new ValidationException(endpoint, status, code, message);
                }
                if (status >= 500 && status <= 599) {
                    return new ServerErrorException(endpoint, status, code, message);
                }
                return null;
        }
    }

    /** The HTTP status the reference's error table gives a code; 400 for codes it does not list. */
    static int documentedStatus(String code) {
        switch (code == null ? "" : code) {
            case "AUTH_MISSING":
            case "AUTH_INVALID":
                return 401;
            case "CLIENT_SUSPENDED":
            case "IP_NOT_ALLOWED":
                return 403;
            case "NOT_FOUND":
                return 404;
            case "DUPLICATE_REFERENCE":
                return 409;
            case "WEBHOOK_UPDATE_FAILED":
                return 500;
            default:
                return 400;
        }
    }

    private static String text(JsonNode n) {
        if (n == null || n.isMissingNode() || n.isNull() || n.isContainerNode()) {
            return null;
        }
        String s = n.asText().strip();
        return s.isEmpty() ? null : s;
    }

    /** The start of a body for a message: printable, bounded. */
    static String snippet(byte[] body) {
        if (body == null || body.length == 0) {
            return "(empty body)";
        }
        String s = new String(body, 0, Math.min(body.length, SNIPPET * 4), java.nio.charset.StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return s.length() > SNIPPET ? s.substring(0, SNIPPET) + "..." : s;
    }

    static String quoted(byte[] body) {
        return body == null || body.length == 0 ? "(empty body)" : "'" + snippet(body) + "'";
    }
}
