package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import ma.hanout.webhook.WebhookSource;

/**
 * The wire form of an event, shared by the stream and the JSON listing:
 * {@code {"id":N,"source":...,"type":...,"received_at":...,"payload":{...},"raw_body":"...","headers":{...}}}.
 * Numbers in the payload keep their exact decimal form (never a double). The part after the id is
 * rendered once per event, off the writer thread, and shared by every subscriber.
 */
final class EventJson {
    /** Reads bodies with exact decimals, so {@code 9.35} stays {@code 9.35}. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private EventJson() {
    }

    /** The body as UTF-8 text, or null when it is not valid UTF-8 (a JSON body must be). */
    static String utf8OrNull(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Everything after {@code {"id":N,}}: source, type, received_at, payload, raw_body, headers and the
     * closing brace.
     */
    static byte[] tail(WebhookSource source, String type, Instant receivedAt, JsonNode payload, String rawBody,
            Map<String, String> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(rawBody.length() * 2 + 256);
        try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("source", source.wireName());
            g.writeStringField("type", type);
            g.writeStringField("received_at", DateTimeFormatter.ISO_INSTANT.format(receivedAt));
            g.writeFieldName("payload");
            MAPPER.writeTree(g, payload);
            g.writeStringField("raw_body", rawBody);
            g.writeObjectFieldStart("headers");
            for (Map.Entry<String, String> h : headers.entrySet()) {
                g.writeStringField(h.getKey(), h.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = out.toByteArray();
        // drop the opening brace: the id goes first
        byte[] tail = new byte[all.length - 1];
        System.arraycopy(all, 1, tail, 0, tail.length);
        return tail;
    }

    /** The tail of a stored event (re-parsing its body, which was valid JSON when it was stored). */
    static byte[] tail(StoredEvent e) {
        String raw = new String(e.rawBody(), StandardCharsets.UTF_8);
        JsonNode payload;
        try {
            payload = MAPPER.readTree(raw);
        } catch (IOException ex) {
            payload = MAPPER.nullNode();
        }
        return tail(e.source(), e.type(), e.receivedAt(), payload, raw, e.headers());
    }

    /** The whole JSON object of an event. */
    static byte[] object(long id, byte[] tail) {
        byte[] head = ("{\"id\":" + id + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    /**
     * The Server-Sent Events frame: {@code id: N}, one {@code data:} line (the JSON never holds a raw
     * newline), and the blank line that dispatches it.
     */
    static byte[] sseFrame(long id, byte[] tail) {
        byte[] head = ("id: " + id + "\ndata: {\"id\":" + id + ",").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + tail.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }
}
