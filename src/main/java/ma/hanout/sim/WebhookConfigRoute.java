package ma.hanout.sim;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code GET /webhook} reads and {@code POST /webhook} sets the webhook URL and the IP whitelist.
 * {@code webhook_url} is required ({@code WEBHOOK_URL_REQUIRED}) and must be an http(s) URL
 * ({@code WEBHOOK_URL_INVALID}); {@code ip_whitelist} is optional (absent keeps it, {@code ""}
 * clears it) and once set applies to every API call.
 */
final class WebhookConfigRoute implements Route {
    private final Account account;

    WebhookConfigRoute(Account account) {
        this.account = account;
    }

    @Override
    public Reply handle(ApiRequest request) {
        if (request.method().equals("GET")) {
            Account.Snapshot s = account.snapshot();
            return Reply.ok(new Bodies.WebhookConfig(s.webhookUrl(), s.ipWhitelist().text()));
        }
        JsonNode body = request.json();
        if (body != null && !body.isObject()) {
            throw ApiError.invalidPayload("Invalid payload: send {\"webhook_url\": ..., \"ip_whitelist\": ...}.");
        }
        JsonNode url = body == null ? null : body.get("webhook_url");
        if (url == null || url.isNull() || (url.isTextual() && url.asText().isBlank())) {
            throw ApiError.webhookUrlRequired();
        }
        if (!url.isTextual()) {
            throw ApiError.webhookUrlInvalid("it must be a string");
        }
        String checkedUrl;
        try {
            checkedUrl = WebhookUrls.check(url.asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.webhookUrlInvalid(e.getMessage());
        }
        IpWhitelist whitelist = whitelist(body.get("ip_whitelist"));
        account.configureWebhook(checkedUrl, whitelist);
        Account.Snapshot s = account.snapshot();
        return Reply.ok(new Bodies.WebhookUpdated(true, s.webhookUrl(), s.ipWhitelist().text()));
    }

    /** Null when absent (keep the current one). */
    static IpWhitelist whitelist(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNull()) {
            return IpWhitelist.EMPTY;
        }
        if (!node.isTextual()) {
            throw ApiError.invalid("INVALID_IP_WHITELIST",
                    "Invalid ip_whitelist: a string of comma-separated IP addresses, like \"1.2.3.4, 5.6.7.8\".");
        }
        try {
            return IpWhitelist.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("INVALID_IP_WHITELIST", "Invalid ip_whitelist: " + e.getMessage() + ".");
        }
    }
}
