package ma.hanout.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /health} or {@code /sandbox/health}: any 2xx answer means available. The reference
 * shows no body, so {@code status} is whatever the server says ({@code "ok"}), or null.
 */
public record Health(@JsonProperty("status") String status) {
}
