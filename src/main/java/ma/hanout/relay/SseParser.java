package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * An incremental parser of a {@code text/event-stream} body, per the WHATWG HTML "Server-sent events"
 * interpretation rules: UTF-8, one leading BOM dropped, lines ended by CRLF, LF or CR (also when a
 * CRLF is split across two reads), {@code :comment} lines, {@code field: value} with one optional
 * space, {@code data} lines joined by LF, {@code id} kept across events (ignored if it holds NUL),
 * {@code retry} when all digits, unknown fields ignored, an event dispatched by a blank line and an
 * unterminated one dropped at end of stream. Lines are cut on bytes (CR and LF never occur inside a
 * UTF-8 sequence), then decoded.
 */
final class SseParser {
    /** A dispatched event: the last event id at that point, the event type and the data. */
    record Event(String lastEventId, String type, String data) {
    }

    interface Listener {
        void onEvent(Event event) throws Exception;

        default void onComment(String comment) {
        }

        default void onRetry(long millis) {
        }
    }

    /** A line longer than the limit: the stream is not one we can trust to parse. */
    static final class StreamTooLong extends RuntimeException {
        StreamTooLong(String message) {
            super(message);
        }
    }

    private final Listener listener;
    private final int maxLineBytes;
    private final LineBuffer line = new LineBuffer();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private boolean dataSeen;
    private boolean afterCr;
    private int bomBytesSeen;
    private boolean started;

    SseParser(Listener listener, int maxLineBytes) {
        this.listener = listener;
        this.maxLineBytes = maxLineBytes;
    }

    /** The last event id buffer (what a reconnect sends as Last-Event-ID). */
    String lastEventId() {
        return lastEventId;
    }

    void feed(ByteBuffer buf) throws Exception {
        while (buf.hasRemaining()) {
            byte b = buf.get();
            if (!started) {
                // the stream may start with a UTF-8 BOM (EF BB BF), which is not part of the first line
                byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
                if (b == bom[bomBytesSeen]) {
                    bomBytesSeen++;
                    if (bomBytesSeen == 3) {
                        started = true;
                    }
                    continue;
                }
                started = true;
                for (int i = 0; i < bomBytesSeen; i++) {
                    line.write(bom[i]);
                }
            }
            if (b == '\n') {
                if (afterCr) {
                    afterCr = false;
                    continue;
                }
                endLine();
            } else if (b == '\r') {
                afterCr = true;
                endLine();
            } else {
                afterCr = false;
                if (line.size() >= maxLineBytes) {
                    throw new StreamTooLong("an event-stream line is longer than " + maxLineBytes + " bytes");
                }
                line.write(b);
            }
        }
    }

    void feed(byte[] bytes) throws Exception {
        feed(ByteBuffer.wrap(bytes));
    }

    private void endLine() throws Exception {
        String text = line.utf8();
        line.reset();
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            listener.onComment(text.substring(1));
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                data.append(value).append('\n');
                dataSeen = true;
            }
            case "id" -> {
                if (value.indexOf('\u0000') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() < 12) {
                    listener.onRetry(Long.parseLong(value));
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private void dispatch() throws Exception {
        if (!dataSeen) {
            eventType = "";
            return;
        }
        data.setLength(data.length() - 1);
        Event e = new Event(lastEventId, eventType.isEmpty() ? "message" : eventType, data.toString());
        data.setLength(0);
        dataSeen = false;
        eventType = "";
        listener.onEvent(e);
    }

    /** A growable byte buffer that decodes itself as UTF-8 (invalid sequences become U+FFFD, as the spec says). */
    private static final class LineBuffer extends ByteArrayOutputStream {
        String utf8() {
            return new String(buf, 0, count, StandardCharsets.UTF_8);
        }
    }
}
