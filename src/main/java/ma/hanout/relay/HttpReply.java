package ma.hanout.relay;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A complete answer: status, header fields, body (JSON written with Jackson, never string templates). */
record HttpReply(int status, List<String[]> headers, byte[] body) {

    HttpReply with(String name, String value) {
        List<String[]> h = new ArrayList<>(headers);
        h.add(new String[] {name, value});
        return new HttpReply(status, h, body);
    }

    static HttpReply json(int status, byte[] body) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", "application/json; charset=utf-8"});
        h.add(new String[] {"Cache-Control", "no-store"});
        return new HttpReply(status, h, body);
    }

    static HttpReply json(int status, Map<String, ?> body) {
        return json(status, bytes(body));
    }

    static HttpReply ok() {
        return json(200, "{\"ok\":true}".getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code {"error": message, "reason": reason}}. */
    static HttpReply error(int status, String message, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (reason != null) {
            body.put("reason", reason);
        }
        return json(status, body);
    }

    static HttpReply methodNotAllowed(String method, String allow) {
        return error(405, "method " + method + " is not allowed here; use " + allow, "method_not_allowed")
                .with("Allow", allow);
    }

    static HttpReply text(int status, String contentType, String body) {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"Content-Type", contentType});
        return new HttpReply(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(Object value) {
        try {
            return EventJson.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
