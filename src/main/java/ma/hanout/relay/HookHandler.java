package ma.hanout.relay;

import java.io.PrintStream;
import java.net.InetAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.webhook.SignatureException;

/**
 * {@code POST /hooks/<source>}: allow-list, signature over the raw bytes, JSON body, then durable
 * storage; {@code 200 {"ok":true}} only once the event (or its earlier copy) is committed. The size
 * limit is enforced while reading, before this runs.
 */
final class HookHandler implements RelayHttp.Handler {
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
    public void handle(HttpExchange ex) {
        HttpRequest r = ex.request();
        if (!r.method().equals("POST")) {
            ex.reply(HttpReply.methodNotAllowed(r.method(), "POST"));
            return;
        }
        InetAddress client = ClientAddress.of(r);
        if (!allowList.allows(client)) {
            reject(ex, 403, "address " + client.getHostAddress() + " is not on this relay's allow-list", "ip_not_allowed");
            return;
        }
        byte[] body = r.body();
        Map<String, String> kept;
        try {
            kept = check.verify(new DeliveryCheck.Delivery(r.method(), r.target(), r.headers(), body));
        } catch (SignatureException e) {
            reject(ex, 401, e.getMessage(), e.reason().name().toLowerCase(Locale.ROOT));
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
        writer.submit(event, tail).orTimeout(30, TimeUnit.SECONDS).whenComplete((stored, failure) ->
                ex.reply(failure == null ? HttpReply.ok()
                        : HttpReply.error(503, "the event could not be stored; retry later", "storage")));
    }

    private void reject(HttpExchange ex, int status, String message, String reason) {
        metrics.rejected(route, reason);
        log.println("relay: refused POST /hooks/" + route + " from " + ClientAddress.of(ex.request()).getHostAddress()
                + ": " + status + " " + message);
        ex.reply(HttpReply.error(status, message, reason));
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
