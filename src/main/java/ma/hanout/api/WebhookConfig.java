package ma.hanout.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code GET /webhook} and the answer of {@code POST /webhook}: where the server sends status
 * webhooks and which IPs may call the API ({@code "1.2.3.4, 5.6.7.8"}; empty or null = any).
 */
public record WebhookConfig(
        @JsonProperty("webhook_url") String webhookUrl,
        @JsonProperty("ip_whitelist") String ipWhitelist) {
}
