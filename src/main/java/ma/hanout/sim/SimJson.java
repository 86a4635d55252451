package ma.hanout.sim;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The simulator's JSON: snake_case field names from the record components, as the reference
 * spells them; strict reading (duplicate keys and trailing garbage are malformed JSON); numbers
 * with a fraction read as {@code BigDecimal} so money stays exact.
 */
final class SimJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private SimJson() {
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses a request body; an empty body gives null, malformed JSON an {@link ApiError}
     * {@code INVALID_JSON} with the parser's own words (never a stack trace).
     */
    static JsonNode read(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            throw ApiError.invalidJson(readable(e));
        } catch (IOException e) {
            throw ApiError.invalidJson(e.getMessage());
        }
    }

    /** The parser's first sentence and where it stopped, without Jackson's source dump. */
    private static String readable(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage();
        int cut = m.length();
        for (String noise : new String[] {" (start marker at", "\n at [Source", " at [Source", "\n"}) {
            int i = m.indexOf(noise);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return m.substring(0, cut).strip() + where + ".";
    }
}
