package ma.hanout.domain;

import java.util.Objects;

/**
 * The account a sale was made on: its environment and the client code. An engine sends, polls
 * and reconciles only the sales of its own account, so switching credentials or environment never
 * sends a sale to an account it was not made for.
 *
 * @param clientCode the {@code X-Client-Code}; null only for sales recorded before accounts were
 *                   kept (those belong to whichever account of their environment opens the folder)
 */
public record SaleAccount(Environment environment, String clientCode) {

    public SaleAccount {
        Objects.requireNonNull(environment, "environment");
        if (clientCode != null && clientCode.isBlank()) {
            clientCode = null;
        }
    }

    /** Whether a sale of {@code other} belongs to this account (a legacy sale with no client code counts by environment). */
    public boolean owns(SaleAccount other) {
        return environment == other.environment
                && (other.clientCode == null || clientCode == null || clientCode.equals(other.clientCode));
    }
}
