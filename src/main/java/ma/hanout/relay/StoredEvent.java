package ma.hanout.relay;

import java.time.Instant;
import java.util.Map;

import ma.hanout.webhook.WebhookSource;

/**
 * One verified webhook as the relay keeps it: the stream id, where it came from, the provider's event
 * name, when the relay received it, the exact body bytes and the provider's signature headers
 * (lowercase names), so a terminal holding the secret can verify it end to end.
 */
public record StoredEvent(long id, WebhookSource source, String type, Instant receivedAt, byte[] rawBody,
        Map<String, String> headers) {
}
