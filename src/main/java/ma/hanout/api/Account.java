package ma.hanout.api;

import java.time.LocalDateTime;

import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.Money;

/**
 * {@code GET /me}: the authenticated API account. {@code solde} is the balance (it may be negative
 * down to minus the credit limit); an empty {@code ip_whitelist} means every IP is allowed.
 */
public record Account(
        @JsonProperty(value = "client_id", required = true) long clientId,
        @JsonProperty("name") String name,
        @JsonProperty(value = "code", required = true) String code,
        @JsonProperty("type") String type,
        @JsonProperty(value = "status", required = true) String status,
        @JsonProperty(value = "solde", required = true) Money solde,
        @JsonProperty(value = "devise", required = true) String devise,
        @JsonProperty(value = "credit_limit", required = true) Money creditLimit,
        @JsonProperty("ip_whitelist") String ipWhitelist,
        @JsonProperty("webhook_url") String webhookUrl,
        @JsonProperty("created_at") LocalDateTime createdAt,
        @JsonProperty("updated_at") LocalDateTime updatedAt) {

    public Account {
        ApiJson.present(code, "code");
        ApiJson.present(status, "status");
        ApiJson.present(solde, "solde");
        ApiJson.present(devise, "devise");
        ApiJson.present(creditLimit, "credit_limit");
    }
}
