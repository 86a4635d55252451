package ma.hanout.app;

import java.time.Clock;

import ma.hanout.api.ApiException;
import ma.hanout.api.MoroccoTopupClient;
import ma.hanout.api.WebhookConfig;
import ma.hanout.store.AuditStore;

/**
 * The API account's webhook configuration ({@code GET}/{@code POST /webhook}): where the server
 * sends status notifications and which IPs may call it. The server checks the URL; its refusal
 * ({@code WEBHOOK_URL_REQUIRED}, {@code WEBHOOK_URL_INVALID}...) comes back as an {@link ApiRefusal}
 * with that code, to show next to the field.
 */
public final class WebhookSettings {
    /** What the server holds; {@code ipWhitelist} empty or null means any IP. */
    public record Current(String url, String ipWhitelist) {
    }

    private final MoroccoTopupClient client;
    private final AuditStore audit;
    private final Clock clock;

    WebhookSettings(MoroccoTopupClient client, AuditStore audit, Clock clock) {
        this.client = client;
        this.audit = audit;
        this.clock = clock;
    }

    /** Asks the server. Network: call off the UI thread. */
    public Current current() {
        try {
            WebhookConfig c = client.webhook();
            return new Current(c.webhookUrl(), c.ipWhitelist());
        } catch (ApiException e) {
            throw ApiRefusal.of(e);
        }
    }

    /** Sends a new URL (and whitelist, null: unchanged) to the server; returns what it now holds. */
    public Current update(String url, String ipWhitelist, String actor) {
        try {
            WebhookConfig c = client.updateWebhook(url, ipWhitelist);
            audit.append(clock.instant(), actor, "webhook.changed", "url " + c.webhookUrl()
                    + (ipWhitelist == null ? "" : ", ip whitelist '" + c.ipWhitelist() + "'"));
            return new Current(c.webhookUrl(), c.ipWhitelist());
        } catch (ApiException e) {
            throw ApiRefusal.of(e);
        }
    }
}
