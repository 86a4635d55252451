package ma.hanout.sim;

import java.util.Iterator;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;

/**
 * {@code GET /_sim/account} shows the account; {@code POST /_sim/account} changes what a test
 * needs: {@code status} ("active" or "suspended"), {@code balance}, {@code credit_limit},
 * {@code daily_limit} (null removes it), {@code ip_whitelist} ({@code ""} clears it),
 * {@code webhook_url} (null removes it). Fields left out stay as they are.
 */
final class SimAccountRoute implements Route {
    private static final Set<String> FIELDS = Set.of("status", "balance", "credit_limit", "daily_limit",
            "ip_whitelist", "webhook_url");

    private final Account account;

    SimAccountRoute(Account account) {
        this.account = account;
    }

    @Override
    public Reply handle(ApiRequest request) {
        if (request.method().equals("POST")) {
            update(request.json());
        }
        return Reply.ok(Bodies.SimAccount.of(account.snapshot()));
    }

    private void update(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiError.invalidPayload("Send a JSON object with any of: " + String.join(", ", FIELDS) + ".");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiError.invalidPayload("Unknown field '" + name + "': use " + String.join(", ", FIELDS) + ".");
            }
        }
        Account.Status status = null;
        if (body.has("status")) {
            try {
                status = Account.Status.fromWire(body.get("status").asText());
            } catch (IllegalArgumentException e) {
                throw ApiError.invalidPayload(e.getMessage() + ".");
            }
        }
        Money balance = money(body, "balance", false);
        Money creditLimit = money(body, "credit_limit", false);
        if (creditLimit != null && creditLimit.isNegative()) {
            throw ApiError.invalidPayload("credit_limit must not be negative.");
        }
        Money dailyLimit = money(body, "daily_limit", true);
        if (dailyLimit != null && !dailyLimit.isPositive()) {
            throw ApiError.invalidPayload("daily_limit must be more than 0, or null for no limit.");
        }
        IpWhitelist whitelist = WebhookConfigRoute.whitelist(body.get("ip_whitelist"));
        String webhookUrl = null;
        JsonNode url = body.get("webhook_url");
        if (url != null && !url.isNull()) {
            try {
                webhookUrl = WebhookUrls.check(url.asText());
            } catch (IllegalArgumentException e) {
                throw ApiError.webhookUrlInvalid(e.getMessage());
            }
        }
        account.adjust(status, balance, creditLimit, whitelist);
        if (body.has("daily_limit")) {
            account.setDailyLimit(dailyLimit);
        }
        if (body.has("webhook_url")) {
            account.setWebhookUrl(webhookUrl);
        }
    }

    private static Money money(JsonNode body, String name, boolean nullable) {
        JsonNode n = body.get(name);
        if (n == null || (nullable && n.isNull())) {
            return null;
        }
        if (!n.isNumber()) {
            throw ApiError.invalidPayload(name + " must be a number of MAD" + (nullable ? " or null" : "") + ".");
        }
        try {
            return Money.ofMad(n.decimalValue());
        } catch (DomainException e) {
            throw ApiError.invalidPayload(name + ": " + e.getMessage() + ".");
        }
    }
}
