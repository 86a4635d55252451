package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import ma.hanout.webhook.SignatureException;

/**
 * {@code POST /hooks/<source>}: allow-list, size limit, signature over the raw bytes, JSON body,
 * then durable storage; {@code 200 {"ok":true}} only once the event (or its earlier copy) is committed.
 */
final class HookHandler implements Route.Handler {
    /** How much of an oversized body is read and thrown away so the 413 reaches the sender. */
    private static final long DRAIN_LIMIT = 16L << 20;

    private final DeliveryCheck check;
    private final IpAllowList allowList;
    private final IngestWriter writer;
    private final RelayMetrics metrics;
    private final Clock clock;
    private final PrintStream log;
    private final String route;

    HookHandler(DeliveryCheck check, IpAllowList allowList, IngestWriter writer, RelayMetrics metrics, Clock clock,
            PrintStream log) {
        this.check = check;
        this.allowList = allowList;
        this.writer = writer;
        this.metrics = metrics;
        this.clock = clock;
        this.log = log;
        this.route = check.source().wireName();
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")) {
            Responses.methodNotAllowed(ex, "POST");
            return;
        }
        InetAddress client = ClientAddress.of(ex);
        if (!allowList.allows(client)) {
            reject(ex, 403, "address " + client.getHostAddress() + " is not on this relay's allow-list", "ip_not_allowed");
            return;
        }
        byte[] body = readBody(ex);
        if (body == null) {
            reject(ex, 413, "body larger than " + RelayConfig.MAX_BODY_BYTES + " bytes", "too_large");
            return;
        }
        Map<String, String> kept;
        try {
            kept = check.verify(new DeliveryCheck.Delivery(ex.getRequestMethod(), ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()),
                    ex.getRequestHeaders(), body));
        } catch (SignatureException e) {
            reject(ex, 401, e.getMessage(), e.reason().name().toLowerCase(java.util.Locale.ROOT));
            return;
        }
        String text = EventJson.utf8OrNull(body);
        if (text == null) {
            reject(ex, 400, "body is not UTF-8 text", "bad_body");
            return;
        }
        JsonNode payload;
        try {
            payload = EventJson.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            payload = null;
        }
        if (payload == null || payload.isMissingNode()) {
            reject(ex, 400, "body is not JSON", "bad_body");
            return;
        }
        String type = check.eventType(payload);
        Instant receivedAt = Instant.ofEpochMilli(clock.millis());
        EventStore.NewEvent event = new EventStore.NewEvent(check.source(), type, dedupKey(body), receivedAt, body, kept);
        byte[] tail = EventJson.tail(check.source(), type, receivedAt, payload, text, kept);
        try {
            writer.submit(event, tail).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Responses.error(ex, 503, "the event could not be stored; retry later", "storage");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.error(ex, 503, "the relay is stopping; retry later", "storage");
            return;
        }
        Responses.ok(ex);
    }

    private void reject(HttpExchange ex, int status, String message, String reason) throws IOException {
        metrics.rejected(route, reason);
        log.println("relay: refused POST /hooks/" + route + " from " + ClientAddress.of(ex).getHostAddress() + ": "
                + status + " " + message);
        Responses.error(ex, status, message, reason);
    }

    /**
     * The body, or null when it is over the limit (by Content-Length, or by counting a chunked body).
     * An oversized body is still read and discarded up to {@link #DRAIN_LIMIT}: closing on unread
     * bytes resets the connection, and the sender would never see the 413.
     */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        int expected = 1024;
        boolean tooLarge = false;
        if (length != null) {
            try {
                long declared = Long.parseLong(length.strip());
                tooLarge = declared > RelayConfig.MAX_BODY_BYTES;
                expected = tooLarge ? 0 : (int) Math.max(0, declared);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(expected);
        byte[] buf = new byte[8192];
        long total = 0;
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while (total <= DRAIN_LIMIT && (n = in.read(buf)) >= 0) {
                total += n;
                if (total > RelayConfig.MAX_BODY_BYTES) {
                    tooLarge = true;
                }
                if (!tooLarge) {
                    out.write(buf, 0, n);
                }
            }
        }
        return tooLarge ? null : out.toByteArray();
    }

    /**
     * Same source and same body bytes = the same event delivered again (a provider retry re-signs with
     * a new timestamp but sends the same body). None of the four references defines a separate event
     * id, so the body is the identity.
     */
    private String dedupKey(byte[] body) {
        try {
            return route + ":" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
