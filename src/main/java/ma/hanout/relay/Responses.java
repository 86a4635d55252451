package ma.hanout.relay;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;

/** JSON answers, written with Jackson and an exact Content-Length. */
final class Responses {
    private Responses() {
    }

    static void json(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static void json(HttpExchange ex, int status, Map<String, ?> body) throws IOException {
        json(ex, status, bytes(body));
    }

    static void ok(HttpExchange ex) throws IOException {
        json(ex, 200, "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code {"error": message}} plus an optional machine-readable reason. */
    static void error(HttpExchange ex, int status, String message, String reason) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (reason != null) {
            body.put("reason", reason);
        }
        json(ex, status, body);
    }

    static void methodNotAllowed(HttpExchange ex, String allow) throws IOException {
        ex.getResponseHeaders().set("Allow", allow);
        error(ex, 405, "method " + ex.getRequestMethod() + " is not allowed here; use " + allow, "method_not_allowed");
    }

    static byte[] bytes(Object value) {
        try {
            return EventJson.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
