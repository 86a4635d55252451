package ma.hanout.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One request as a route sees it: the body already read in full, the last path segment of a
 * {@code /by-ref/{ref}}-style route decoded, the query parsed.
 *
 * @param pathParameter the decoded segment after the route's path, null for routes without one
 */
record ApiRequest(String method, String path, String pathParameter, String rawQuery, byte[] body,
        Environment environment) {

    /** The body as JSON: null when empty, {@link ApiError} {@code INVALID_JSON} when malformed. */
    JsonNode json() {
        return SimJson.read(body);
    }

    /** The query parameters, first value of each name. */
    Map<String, String> query() {
        Map<String, String> out = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.putIfAbsent(name, value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("INVALID_PARAMETER", "Malformed query string: '" + s + "'.");
        }
    }
}
