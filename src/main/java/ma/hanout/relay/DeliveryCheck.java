package ma.hanout.relay;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import ma.hanout.webhook.FedaPaySignature;
import ma.hanout.webhook.HttpSignature;
import ma.hanout.webhook.IpnAuthentication;
import ma.hanout.webhook.IpnRequest;
import ma.hanout.webhook.MoroccoTopupSignature;
import ma.hanout.webhook.SignatureException;
import ma.hanout.webhook.TiqopaySignature;
import ma.hanout.webhook.WebhookSource;

/**
 * How one provider's deliveries are authenticated, and what of them is kept: each check returns the
 * signature headers (lowercase names) stored with the event so a terminal can verify it again, and
 * names the event from its payload.
 */
interface DeliveryCheck {
    /** What a check looks at: method, request target, headers, exact body. */
    record Delivery(String method, String target, RequestHeaders headers, byte[] body) {
    }

    WebhookSource source();

    /** Verifies the delivery and returns the headers to keep with it. */
    Map<String, String> verify(Delivery delivery) throws SignatureException;

    /** The provider's event name in the payload ({@code unknown} when it has none). */
    String eventType(JsonNode payload);

    static DeliveryCheck moroccoTopup(String secret, Optional<Duration> tolerance, Clock clock) {
        MoroccoTopupSignature scheme = new MoroccoTopupSignature(secret);
        return new DeliveryCheck() {
            @Override
            public WebhookSource source() {
                return WebhookSource.MOROCCOTOPUP;
            }

            @Override
            public Map<String, String> verify(Delivery d) throws SignatureException {
                String ts = d.headers().first(MoroccoTopupSignature.TIMESTAMP_HEADER);
                String sig = d.headers().first(MoroccoTopupSignature.SIGNATURE_HEADER);
                scheme.verify(ts, sig, d.body(), clock, tolerance.orElse(null));
                Map<String, String> kept = new LinkedHashMap<>();
                kept.put("x-webhook-timestamp", ts);
                kept.put("x-webhook-signature", sig);
                return kept;
            }

            @Override
            public String eventType(JsonNode payload) {
                return text(payload.path("event"));
            }
        };
    }

    static DeliveryCheck tiqopay(String secret, Clock clock) {
        TiqopaySignature scheme = new TiqopaySignature(secret);
        return new DeliveryCheck() {
            @Override
            public WebhookSource source() {
                return WebhookSource.TIQOPAY;
            }

            @Override
            public Map<String, String> verify(Delivery d) throws SignatureException {
                String header = d.headers().first(TiqopaySignature.HEADER);
                scheme.verify(header, d.body(), clock);
                return Map.of("tiqopay-signature", header);
            }

            @Override
            public String eventType(JsonNode payload) {
                return text(payload.path("type"));
            }
        };
    }

    static DeliveryCheck fedapay(String secret, Clock clock) {
        FedaPaySignature scheme = new FedaPaySignature(secret);
        return new DeliveryCheck() {
            @Override
            public WebhookSource source() {
                return WebhookSource.FEDAPAY;
            }

            @Override
            public Map<String, String> verify(Delivery d) throws SignatureException {
                String header = d.headers().first(FedaPaySignature.HEADER);
                scheme.verify(header, d.body(), clock);
                return Map.of("x-fedapay-signature", header);
            }

            @Override
            public String eventType(JsonNode payload) {
                // FedaPay events carry their name in "name" (transaction.approved, ...)
                String name = text(payload.path("name"));
                return name.equals("unknown") ? text(payload.path("type")) : name;
            }
        };
    }

    static DeliveryCheck ipn(Optional<HttpSignature> signature, Optional<String> password, Clock clock) {
        IpnAuthentication auth = new IpnAuthentication(signature, password);
        return new DeliveryCheck() {
            @Override
            public WebhookSource source() {
                return WebhookSource.IPN;
            }

            @Override
            public Map<String, String> verify(Delivery d) throws SignatureException {
                IpnRequest request = new IpnRequest(d.method(), d.target(), d.headers().asMap(), d.body());
                IpnAuthentication.Result result = auth.verify(request, clock);
                Map<String, String> kept = new LinkedHashMap<>();
                if (result.method() == IpnAuthentication.Method.PASSWORD) {
                    // never store or stream the password itself
                    return kept;
                }
                request.header(HttpSignature.SIGNATURE_HEADER).ifPresentOrElse(
                        v -> kept.put("signature", v),
                        () -> kept.put("authorization", request.header("authorization").orElseThrow()));
                for (String h : result.signedHeaders()) {
                    if (h.equals("(request-target)")) {
                        kept.put(h, d.method().toLowerCase(Locale.ROOT) + " " + d.target());
                    } else if (!h.startsWith("(")) {
                        request.header(h).ifPresent(v -> kept.put(h, v));
                    }
                }
                return kept;
            }

            @Override
            public String eventType(JsonNode payload) {
                // IPN bodies have no event name; the result status (COMPLETED, FAILED, ...) is what happened
                return text(payload.path("result").path("status"));
            }
        };
    }

    private static String text(JsonNode node) {
        if (!node.isTextual() || node.asText().isBlank()) {
            return "unknown";
        }
        String s = node.asText().strip();
        return s.length() > 100 ? s.substring(0, 100) : s;
    }
}
