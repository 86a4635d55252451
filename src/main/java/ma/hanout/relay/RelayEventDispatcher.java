package ma.hanout.relay;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.webhook.MoroccoTopupSignature;
import ma.hanout.webhook.SignatureException;
import ma.hanout.webhook.WebhookSource;

/**
 * Turns relay stream events into sink calls. Skips ids at or below the last one handled (a resume
 * never hands a sink the same event twice), verifies MoroccoTopup events end to end when the terminal
 * holds the API secret (recomputing the signature over {@code raw_body} with the stored headers),
 * always reads the payload from {@code raw_body} rather than the relay's parsed copy, then saves the
 * cursor. Refused events are counted, reported and skipped.
 */
final class RelayEventDispatcher {
    private final Optional<MoroccoTopupSignature> moroccoTopup;
    private final RechargeStatusSink recharges;
    private final PaymentSink payments;
    private final RelayCursor cursor;
    private final RelaySubscriberListener listener;
    private final Clock clock;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile String lastId;

    RelayEventDispatcher(Optional<String> moroccoTopupSecret, RechargeStatusSink recharges, PaymentSink payments,
            RelayCursor cursor, RelaySubscriberListener listener, Clock clock) {
        this.moroccoTopup = moroccoTopupSecret.map(MoroccoTopupSignature::new);
        this.recharges = recharges;
        this.payments = payments;
        this.cursor = cursor;
        this.listener = listener;
        this.clock = clock;
        this.lastId = cursor.load().orElse(null);
    }

    /** The id to resume after (Last-Event-ID), or null for the beginning. */
    String lastId() {
        return lastId;
    }

    /**
     * Forgets the resume point: the relay does not know it (its database was replaced), so the next
     * connection starts from its first event. The cursor is overwritten as events arrive.
     */
    void forgetPosition() {
        lastId = null;
    }

    long delivered() {
        return delivered.get();
    }

    long rejected() {
        return rejected.get();
    }

    /** Handles one stream event; a sink's exception propagates and leaves the cursor where it was. */
    void handle(SseParser.Event e) {
        String id = e.lastEventId();
        if (id.isEmpty() || !isAfterLast(id)) {
            return;
        }
        JsonNode event;
        try {
            event = EventJson.MAPPER.readTree(e.data());
        } catch (IOException ex) {
            refuse(id, "the event data is not JSON");
            return;
        }
        Optional<WebhookSource> source = WebhookSource.fromWire(event.path("source").asText());
        JsonNode rawNode = event.path("raw_body");
        if (source.isEmpty() || !rawNode.isTextual()) {
            refuse(id, "the event has no known source or no raw_body");
            return;
        }
        String raw = rawNode.asText();
        JsonNode payload;
        try {
            payload = EventJson.MAPPER.readTree(raw);
        } catch (IOException ex) {
            refuse(id, "raw_body is not JSON");
            return;
        }
        Instant receivedAt = receivedAt(event);
        String type = event.path("type").asText("unknown");
        if (source.get() == WebhookSource.MOROCCOTOPUP) {
            boolean verified = false;
            if (moroccoTopup.isPresent()) {
                JsonNode headers = event.path("headers");
                try {
                    moroccoTopup.get().verify(text(headers, "x-webhook-timestamp"), text(headers, "x-webhook-signature"),
                            raw.getBytes(StandardCharsets.UTF_8), clock, null);
                    verified = true;
                } catch (SignatureException ex) {
                    refuse(id, "MoroccoTopup signature does not verify: " + ex.getMessage());
                    return;
                }
                // the provider's own event name, from the signed bytes
                type = payload.path("event").asText(type);
            }
            recharges.onStatus(rechargeEvent(id, type, payload, verified, receivedAt));
        } else {
            payments.onPayment(paymentEvent(id, source.get(), type, payload, receivedAt));
        }
        advance(id);
        // counted last: a count someone reads means the event was handed over and the cursor saved
        delivered.incrementAndGet();
    }

    private void refuse(String id, String reason) {
        listener.onEventRejected(id, reason);
        advance(id);
        rejected.incrementAndGet();
    }

    private void advance(String id) {
        cursor.save(id);
        lastId = id;
    }

    /** Relay ids are increasing integers; one that is not is taken as new rather than dropped. */
    private boolean isAfterLast(String id) {
        if (lastId == null) {
            return true;
        }
        try {
            return Long.parseLong(id) > Long.parseLong(lastId);
        } catch (NumberFormatException e) {
            return !id.equals(lastId);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() ? v.asText() : null;
    }

    private static Instant receivedAt(JsonNode event) {
        try {
            return Instant.parse(event.path("received_at").asText());
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    static RechargeEvent rechargeEvent(String id, String type, JsonNode payload, boolean verified, Instant receivedAt) {
        JsonNode r = payload.path("recharge");
        Optional<RechargeStatus> newStatus = status(payload.path("status_code_new"))
                .or(() -> status(r.path("status_code")))
                .or(() -> status(payload.path("status_code")));
        RechargeFields fields = new RechargeFields(string(r.path("ref_interne")), string(r.path("external_reference")),
                string(r.path("phone")), string(r.path("operator")), money(r.path("value")), string(r.path("type")),
                money(r.path("billing_amount")), string(r.path("created_at")), string(r.path("executed_at")));
        return new RechargeEvent(id, type, status(payload.path("status_code_old")), newStatus,
                fields.externalReference(), fields.refInterne(), string(payload.path("client_code")), fields, verified,
                receivedAt, payload);
    }

    static PaymentEvent paymentEvent(String id, WebhookSource source, String type, JsonNode payload, Instant receivedAt) {
        return switch (source) {
            case TIQOPAY -> {
                JsonNode d = payload.path("data");
                // Tiqopay amounts are integer centimes (50000 = 500.00 MAD)
                Optional<BigDecimal> amount = decimal(d.path("amount")).map(a -> a.movePointLeft(2));
                yield new PaymentEvent(id, source, type, amount, string(d.path("currency")).or(() -> Optional.of("MAD")),
                        string(d.path("id")), string(d.path("status")), receivedAt, payload);
            }
            case FEDAPAY -> {
                JsonNode t = payload.path("entity");
                Optional<String> currency = string(t.path("currency").path("iso")).or(() -> string(t.path("currency")));
                yield new PaymentEvent(id, source, type, decimal(t.path("amount")), currency,
                        string(t.path("reference")).or(() -> string(t.path("id"))), string(t.path("status")), receivedAt,
                        payload);
            }
            case IPN -> {
                JsonNode total = payload.path("invoice").path("totalAmount");
                yield new PaymentEvent(id, source, type, decimal(total.path("amount")), string(total.path("currency")),
                        string(payload.path("invoice").path("id")).or(() -> string(payload.path("id"))),
                        string(payload.path("result").path("status")), receivedAt, payload);
            }
            case MOROCCOTOPUP -> throw new IllegalArgumentException("MoroccoTopup events are recharges");
        };
    }

    private static Optional<RechargeStatus> status(JsonNode n) {
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return Optional.of(RechargeStatus.of(n.intValue()));
        }
        if (n.isTextual() && n.asText().strip().matches("[0-9]{1,4}")) {
            return Optional.of(RechargeStatus.of(Integer.parseInt(n.asText().strip())));
        }
        return Optional.empty();
    }

    private static Optional<String> string(JsonNode n) {
        if (n.isTextual()) {
            return n.asText().isEmpty() ? Optional.empty() : Optional.of(n.asText());
        }
        if (n.isNumber()) {
            return Optional.of(n.asText());
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> decimal(JsonNode n) {
        if (n.isNumber()) {
            return Optional.of(n.decimalValue());
        }
        if (n.isTextual()) {
            try {
                return Optional.of(new BigDecimal(n.asText().strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<Money> money(JsonNode n) {
        try {
            return decimal(n).map(Money::ofMad);
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
