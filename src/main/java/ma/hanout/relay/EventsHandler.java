package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /events}: the event stream (Server-Sent Events, see {@link EventStreams}) or, with
 * {@code after}/{@code limit} and without {@code Accept: text/event-stream}, the same events as a
 * JSON array. Bearer token required (header, or {@code access_token} for browser EventSources).
 */
final class EventsHandler implements RelayHttp.Handler {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final long RETRY_MILLIS = 2000;
    private static final Set<String> JSON_PARAMS = Set.of("after", "limit", "access_token");
    private static final Set<String> STREAM_PARAMS = Set.of("after", "access_token");
    private static final List<String[]> STREAM_HEADERS = List.of(
            new String[] {"Content-Type", "text/event-stream; charset=utf-8"},
            new String[] {"Cache-Control", "no-cache, no-transform"},
            // nginx buffers proxied responses unless told not to
            new String[] {"X-Accel-Buffering", "no"});

    private final EventStore store;
    private final EventStreams streams;
    private final SubscriberTokens tokens;
    private final RelayMetrics metrics;
    private final int maxSubscribers;

    EventsHandler(EventStore store, EventStreams streams, SubscriberTokens tokens, RelayMetrics metrics,
            int maxSubscribers) {
        this.store = store;
        this.streams = streams;
        this.tokens = tokens;
        this.metrics = metrics;
        this.maxSubscribers = maxSubscribers;
    }

    /** A request parameter was wrong: 400 with this message. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public void handle(HttpExchange ex) {
        HttpRequest r = ex.request();
        if (!r.method().equals("GET")) {
            ex.reply(HttpReply.methodNotAllowed(r.method(), "GET"));
            return;
        }
        try {
            Map<String, String> query = query(r.rawQuery());
            if (!tokens.accepts(bearer(r, query))) {
                reject(ex, HttpReply.error(401, "missing or wrong bearer token (Authorization: Bearer <token>)",
                        "unauthorized").with("WWW-Authenticate", "Bearer realm=\"hanout-relay\""), "unauthorized");
                return;
            }
            String accept = r.header("Accept");
            boolean wantsStream = accept != null && accept.contains("text/event-stream");
            if (!wantsStream && (query.containsKey("after") || query.containsKey("limit"))) {
                list(ex, query);
            } else {
                stream(ex, r, query);
            }
        } catch (BadRequest e) {
            reject(ex, HttpReply.error(400, e.getMessage(), "bad_request"), "bad_request");
        }
    }

    private void reject(HttpExchange ex, HttpReply reply, String reason) {
        metrics.rejected("events", reason);
        ex.reply(reply);
    }

    private void list(HttpExchange ex, Map<String, String> query) throws BadRequest {
        unknownParams(query, JSON_PARAMS);
        long after = query.containsKey("after") ? id("after", query.get("after")) : 0;
        int limit = DEFAULT_LIMIT;
        if (query.containsKey("limit")) {
            String l = query.get("limit");
            if (!l.matches("[0-9]{1,9}") || Integer.parseInt(l) < 1 || Integer.parseInt(l) > MAX_LIMIT) {
                throw new BadRequest("limit must be a whole number from 1 to " + MAX_LIMIT + ", got '" + shorten(l) + "'");
            }
            limit = Integer.parseInt(l);
        }
        List<StoredEvent> events = store.after(after, limit);
        ByteArrayOutputStream out = new ByteArrayOutputStream(events.size() * 1024 + 2);
        out.write('[');
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(EventJson.object(events.get(i).id(), EventJson.tail(events.get(i))));
        }
        out.write(']');
        ex.reply(HttpReply.json(200, out.toByteArray()));
    }

    private void stream(HttpExchange ex, HttpRequest r, Map<String, String> query) throws BadRequest {
        unknownParams(query, STREAM_PARAMS);
        String lastEventId = r.header("Last-Event-ID");
        long after;
        if (lastEventId != null && !lastEventId.isBlank()) {
            after = id("Last-Event-ID", lastEventId.strip());
        } else {
            after = query.containsKey("after") ? id("after", query.get("after")) : 0;
        }
        long newest = store.lastId();
        if (after > newest) {
            // a resume point this database never gave: it was replaced or restored from an older copy.
            // Streaming "after" it would silently skip every event until the ids caught up.
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("error", "event " + after + " is beyond this relay's newest event " + newest
                    + " (was the relay's database replaced?); resume from the start");
            body.put("reason", "unknown_event_id");
            body.put("last_event_id", newest);
            reject(ex, HttpReply.json(409, body), "unknown_event_id");
            return;
        }
        if (streams.size() >= maxSubscribers) {
            reject(ex, HttpReply.error(503, "too many subscribers (" + maxSubscribers + "); retry later",
                    "too_many_subscribers").with("Retry-After", "30"), "too_many_subscribers");
            return;
        }
        byte[] preamble = ("retry: " + RETRY_MILLIS + "\n: hanout relay, resuming after " + after + "\n\n")
                .getBytes(StandardCharsets.US_ASCII);
        ex.stream(STREAM_HEADERS, sink -> streams.open(sink, after, preamble));
    }

    private static String bearer(HttpRequest r, Map<String, String> query) {
        String auth = r.header("Authorization");
        if (auth != null) {
            String a = auth.strip();
            if (a.length() > 7 && a.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return a.substring(7).strip();
            }
            return null;
        }
        // RFC 6750 section 2.3: for EventSource clients that cannot set headers (browsers)
        return query.get("access_token");
    }

    private static long id(String name, String value) throws BadRequest {
        if (!value.matches("[0-9]{1,18}")) {
            throw new BadRequest(name + " must be an event id (a whole number >= 0), got '" + shorten(value) + "'");
        }
        return Long.parseLong(value);
    }

    private static void unknownParams(Map<String, String> query, Set<String> allowed) throws BadRequest {
        for (String k : query.keySet()) {
            if (!allowed.contains(k)) {
                throw new BadRequest("unknown query parameter '" + shorten(k) + "' (allowed: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private static Map<String, String> query(String raw) throws BadRequest {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k;
            String v;
            try {
                k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new BadRequest("query string is not properly %-encoded");
            }
            if (out.put(k, v) != null) {
                throw new BadRequest("query parameter '" + shorten(k) + "' given twice");
            }
        }
        return out;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
