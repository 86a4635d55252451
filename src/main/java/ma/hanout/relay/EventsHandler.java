package ma.hanout.relay;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;

/**
 * {@code GET /events}: the event stream (Server-Sent Events) or, with {@code after}/{@code limit}
 * and without {@code Accept: text/event-stream}, the same events as a JSON array.
 *
 * <p>The stream registers with the live feed first, then replays from the database after
 * {@code Last-Event-ID} (or {@code after}), then forwards live batches, skipping any id it already
 * sent: nothing committed during the replay is lost or sent twice. Comment lines keep idle
 * connections (and proxies) alive. A subscriber whose queue overflows is disconnected; it resumes
 * by Last-Event-ID without losing anything.
 */
final class EventsHandler implements Route.Handler {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final int REPLAY_PAGE = 500;
    private static final long RETRY_MILLIS = 2000;
    private static final Set<String> JSON_PARAMS = Set.of("after", "limit", "access_token");
    private static final Set<String> STREAM_PARAMS = Set.of("after", "access_token");
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

    private final EventStore store;
    private final LiveFeed feed;
    private final SubscriberTokens tokens;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final Duration heartbeat;
    private final int maxSubscribers;

    EventsHandler(EventStore store, LiveFeed feed, SubscriberTokens tokens, RelayMetrics metrics, Clock clock,
            Duration heartbeat, int maxSubscribers) {
        this.store = store;
        this.feed = feed;
        this.tokens = tokens;
        this.metrics = metrics;
        this.clock = clock;
        this.heartbeat = heartbeat;
        this.maxSubscribers = maxSubscribers;
    }

    /** A request parameter was wrong: 400 with this message. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message);
        }
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("GET")) {
            Responses.methodNotAllowed(ex, "GET");
            return;
        }
        Map<String, String> query;
        try {
            query = query(ex.getRequestURI().getRawQuery());
        } catch (BadRequest e) {
            reject(ex, 400, e.getMessage(), "bad_request");
            return;
        }
        if (!tokens.accepts(bearer(ex, query))) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"hanout-relay\"");
            reject(ex, 401, "missing or wrong bearer token (Authorization: Bearer <token>)", "unauthorized");
            return;
        }
        String accept = ex.getRequestHeaders().getFirst("Accept");
        boolean wantsStream = accept != null && accept.contains("text/event-stream");
        boolean json = !wantsStream && (query.containsKey("after") || query.containsKey("limit"));
        try {
            if (json) {
                list(ex, query);
            } else {
                stream(ex, query);
            }
        } catch (BadRequest e) {
            reject(ex, 400, e.getMessage(), "bad_request");
        }
    }

    private void reject(HttpExchange ex, int status, String message, String reason) throws IOException {
        metrics.rejected("events", reason);
        Responses.error(ex, status, message, reason);
    }

    private void list(HttpExchange ex, Map<String, String> query) throws IOException, BadRequest {
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
            out.write(EventJson.object(events.get(i).id(), EventJson.tail(events.get(i))));
        }
        out.write(']');
        Responses.json(ex, 200, out.toByteArray());
    }

    private void stream(HttpExchange ex, Map<String, String> query) throws IOException, BadRequest {
        unknownParams(query, STREAM_PARAMS);
        String lastEventId = ex.getRequestHeaders().getFirst("Last-Event-ID");
        long after;
        if (lastEventId != null && !lastEventId.isBlank()) {
            after = id("Last-Event-ID", lastEventId.strip());
        } else {
            after = query.containsKey("after") ? id("after", query.get("after")) : 0;
        }
        if (feed.size() >= maxSubscribers) {
            ex.getResponseHeaders().set("Retry-After", "30");
            reject(ex, 503, "too many subscribers (" + maxSubscribers + "); retry later", "too_many_subscribers");
            return;
        }
        LiveFeed.Subscription sub = feed.subscribe();
        metrics.subscriberConnected();
        try {
            ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            ex.getResponseHeaders().set("Cache-Control", "no-cache, no-transform");
            // nginx buffers proxied responses unless told not to
            ex.getResponseHeaders().set("X-Accel-Buffering", "no");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = new BufferedOutputStream(ex.getResponseBody(), 64 * 1024);
            out.write(("retry: " + RETRY_MILLIS + "\n: hanout relay, resuming after " + after + "\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long sent = replay(out, after);
            forwardLive(sub, out, sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            feed.unsubscribe(sub);
            metrics.subscriberDisconnected();
        }
    }

    private long replay(OutputStream out, long after) throws IOException {
        long last = after;
        while (true) {
            List<StoredEvent> page = store.after(last, REPLAY_PAGE);
            for (StoredEvent e : page) {
                out.write(EventJson.sseFrame(e.id(), EventJson.tail(e)));
                last = e.id();
            }
            out.flush();
            if (page.size() < REPLAY_PAGE) {
                return last;
            }
        }
    }

    private void forwardLive(LiveFeed.Subscription sub, OutputStream out, long alreadySent)
            throws IOException, InterruptedException {
        long last = alreadySent;
        long[] receivedAt = new long[64];
        while (true) {
            List<EventFrame> batch = sub.next(heartbeat.toMillis(), TimeUnit.MILLISECONDS);
            if (batch == null) {
                out.write(HEARTBEAT);
                out.flush();
                continue;
            }
            if (batch.isEmpty()) {
                return;
            }
            int written = 0;
            // take whatever else is already waiting, so a busy stream flushes once per wake-up
            while (batch != null && !batch.isEmpty()) {
                for (EventFrame f : batch) {
                    if (f.id() <= last) {
                        continue;
                    }
                    out.write(f.sse());
                    last = f.id();
                    if (written == receivedAt.length) {
                        receivedAt = java.util.Arrays.copyOf(receivedAt, written * 2);
                    }
                    receivedAt[written++] = f.receivedAtMillis();
                }
                batch = sub.poll();
            }
            out.flush();
            long now = clock.millis();
            for (int i = 0; i < written; i++) {
                metrics.deliveryLag(Math.max(0, now - receivedAt[i]));
            }
            if (batch != null) {
                return;
            }
        }
    }

    private static String bearer(HttpExchange ex, Map<String, String> query) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
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
                throw new BadRequest("unknown query parameter '" + shorten(k) + "' (allowed: " + String.join(", ",
                        allowed.stream().sorted().toList()) + ")");
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
