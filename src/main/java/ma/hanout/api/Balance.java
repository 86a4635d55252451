package ma.hanout.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import ma.hanout.domain.Money;

/** {@code GET /balance}: the balance may go down to minus {@code credit_limit}. */
public record Balance(
        @JsonProperty(value = "balance", required = true) Money balance,
        @JsonProperty(value = "devise", required = true) String devise,
        @JsonProperty(value = "credit_limit", required = true) Money creditLimit) {

    public Balance {
        ApiJson.present(balance, "balance");
        ApiJson.present(devise, "devise");
        ApiJson.present(creditLimit, "credit_limit");
    }

    /** What can still be spent: balance plus credit limit. */
    public Money available() {
        return balance.plus(creditLimit);
    }
}
