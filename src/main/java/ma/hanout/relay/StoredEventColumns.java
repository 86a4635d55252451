package ma.hanout.relay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.webhook.WebhookSource;

/**
 * How an event row reads and writes in both stores (SQLite and PostgreSQL): the columns
 * {@code id, source, type, received_at, body, headers} in that order, headers as a JSON object.
 */
final class StoredEventColumns {
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredEventColumns() {
    }

    static StoredEvent read(ResultSet rs) throws SQLException {
        try {
            WebhookSource source = WebhookSource.fromWire(rs.getString(2))
                    .orElseThrow(() -> new SQLException("unknown source in the database"));
            return new StoredEvent(rs.getLong(1), source, rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)),
                    rs.getBytes(5), JSON.readValue(rs.getString(6), HEADERS));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable headers column", e);
        }
    }

    static String headers(Map<String, String> headers) throws JsonProcessingException {
        return JSON.writeValueAsString(headers);
    }
}
