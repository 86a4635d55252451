package ma.hanout.engine;

import ma.hanout.domain.Money;
import ma.hanout.domain.RechargeStatus;

/** How one send ended, sorted by what the engine must do next. */
public sealed interface SendResult {

    /** The server has it. */
    record Accepted(String refInterne, RechargeStatus status, Money billingAmount, Money balanceAfter)
            implements SendResult {
    }

    /** A definitive refusal (funds, daily limit, validation, suspended account): never retried. */
    record Rejected(String code, String message) implements SendResult {
    }

    /** {@code 409 DUPLICATE_REFERENCE}: it exists already; adopt it by reference. */
    record Duplicate(String message) implements SendResult {
    }

    /** Maybe applied (timeout, broken connection, 5xx, unreadable answer): ask by reference before any resend. */
    record Uncertain(String reason) implements SendResult {
    }

    /** Provably not applied because it never left (connection refused, unknown host): still queued. */
    record NotSent(String reason) implements SendResult {
    }

    /** Refused before being applied because of our credentials or IP: waits until the settings are fixed. */
    record Refused(String code, String message) implements SendResult {
    }
}
