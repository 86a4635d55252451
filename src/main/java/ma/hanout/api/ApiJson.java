package ma.hanout.api;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;

/**
 * The API's JSON dialect, in one place: amounts read as {@link BigDecimal} and converted exactly
 * to {@link Money} (a fraction of a centime is an error, never rounded), dates in the server's
 * {@code 2026-01-09 19:21:57} form, unknown properties ignored so a newer server does not break
 * an older app, and a float where an integer is expected refused rather than truncated.
 */
final class ApiJson {

    /** Server local time, {@code yyyy-MM-dd HH:mm:ss}; an ISO {@code T} and fractions accepted too. */
    private static final DateTimeFormatter SERVER_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .addModule(new SimpleModule("moroccotopup")
                    .addDeserializer(Money.class, new MadDeserializer())
                    .addDeserializer(LocalDateTime.class, new ServerTimeDeserializer()))
            .build();

    private ApiJson() {
    }

    /** The reference's request body for one recharge; also one item of a bulk body. */
    static ObjectNode rechargeBody(RechargeRequest r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("phone", r.phone().national());
        o.put("operator", r.operator().wireName());
        o.put("value", r.value().toMad());
        o.put("type", r.promo().wire());
        o.put("external_reference", r.externalReference());
        return o;
    }

    static byte[] recharge(RechargeRequest r) {
        return write(rechargeBody(r));
    }

    static byte[] bulk(List<RechargeRequest> requests) {
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode items = o.putArray("items");
        for (RechargeRequest r : requests) {
            items.add(rechargeBody(r));
        }
        return write(o);
    }

    static byte[] webhook(String webhookUrl, String ipWhitelist) {
        ObjectNode o = MAPPER.createObjectNode();
        if (webhookUrl != null) {
            o.put("webhook_url", webhookUrl);
        }
        if (ipWhitelist != null) {
            o.put("ip_whitelist", ipWhitelist);
        }
        return write(o);
    }

    private static byte[] write(Object o) {
        try {
            return MAPPER.writeValueAsBytes(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a tree of strings and numbers always serialises
            throw new IllegalStateException(e);
        }
    }

    /** {@code 9.35}, {@code 10}, {@code "9.35"} (a server may quote numbers) -> exact centimes; {@code ""} -> null. */
    static final class MadDeserializer extends JsonDeserializer<Money> {
        @Override
        public Money deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            BigDecimal mad;
            JsonToken t = p.currentToken();
            if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                mad = p.getDecimalValue();
            } else if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().strip();
                if (s.isEmpty()) {
                    return null;
                }
                try {
                    mad = new BigDecimal(s);
                } catch (NumberFormatException e) {
                    return (Money) ctx.handleWeirdStringValue(Money.class, s, "not an amount in MAD");
                }
            } else {
                return (Money) ctx.handleUnexpectedToken(Money.class, p);
            }
            try {
                return Money.ofMad(mad);
            } catch (DomainException e) {
                return (Money) ctx.handleWeirdNumberValue(Money.class, mad, e.getMessage());
            }
        }
    }

    /** {@code "2026-01-09 19:21:57"}; empty and MySQL's zero date {@code 0000-00-00 00:00:00} mean "not yet". */
    static final class ServerTimeDeserializer extends JsonDeserializer<LocalDateTime> {
        @Override
        public LocalDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDateTime) ctx.handleUnexpectedToken(LocalDateTime.class, p);
            }
            String s = p.getText().strip();
            if (s.isEmpty() || s.startsWith("0000-00-00")) {
                return null;
            }
            try {
                return LocalDateTime.parse(s, SERVER_TIME);
            } catch (DateTimeParseException e) {
                return (LocalDateTime) ctx.handleWeirdStringValue(LocalDateTime.class, s,
                        "expected a date like 2026-01-09 19:21:57");
            }
        }
    }

    /** Used by records for required text fields that came as JSON {@code null}. */
    static <T> T present(T value, String jsonName) {
        if (value == null) {
            throw new IllegalArgumentException("field '" + jsonName + "' is null");
        }
        return value;
    }
}
