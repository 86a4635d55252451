package ma.hanout.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One sale: what the cashier asked for, where it stands locally, and what the server said.
 *
 * @param externalReference chosen before the first send, reused on every retry
 * @param state             the local state (DESIGN section 2)
 * @param status            the server's status, null until the server has the sale
 * @param refInterne        the server's reference, null until known
 * @param billingAmount     what the server billed, null until known
 * @param errorCode         the server's error code for a rejected sale (or the last transient one)
 * @param errorMessage      the server's message with it
 * @param origin            where the sale came from
 * @param attempts          how many sends were tried
 * @param nextAttemptAt     earliest time the worker may try again, null = now
 * @param executedAt        the server's {@code executed_at}, when known
 * @param account           the account (environment and client code) it was made on
 */
public record Sale(
        String externalReference,
        Phone phone,
        Operator operator,
        Money value,
        Promo promo,
        SaleState state,
        RechargeStatus status,
        String refInterne,
        Money billingAmount,
        String errorCode,
        String errorMessage,
        Origin origin,
        int attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant updatedAt,
        Instant executedAt,
        SaleAccount account) {

    /** Where a sale came from. */
    public enum Origin {
        /** Typed at the counter. */
        COUNTER,
        /** A line of a CSV batch. */
        BATCH,
        /** The command line. */
        CLI,
        /** Made elsewhere (another terminal, the web) and found by history sync. */
        REMOTE
    }

    public Sale {
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(promo, "promo");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(account, "account");
    }

    /** A new sale as the cashier pressed Sell: queued, nothing known from the server. */
    public static Sale newQueued(String ref, Phone phone, Operator operator, Money value, Promo promo, Origin origin,
            Instant now, SaleAccount account) {
        return new Sale(ref, phone, operator, value, promo, SaleState.QUEUED, null, null, null, null, null, origin, 0,
                null, now, now, null, account);
    }

    /** The same sale in {@code next} state; throws {@link IllegalSaleTransition} when the move is not allowed. */
    public Sale withState(SaleState next, Instant now) {
        return new Sale(externalReference, phone, operator, value, promo, state.moveTo(next), status, refInterne,
                billingAmount, errorCode, errorMessage, origin, attempts, nextAttemptAt, createdAt, now, executedAt, account);
    }

    public Sale withServerRecord(String refInterne, RechargeStatus status, Money billingAmount, Instant executedAt,
            Instant now) {
        return new Sale(externalReference, phone, operator, value, promo, state, status,
                refInterne != null ? refInterne : this.refInterne,
                billingAmount != null ? billingAmount : this.billingAmount, errorCode, errorMessage, origin, attempts,
                nextAttemptAt, createdAt, now, executedAt != null ? executedAt : this.executedAt, account);
    }

    public Sale withError(String code, String message, Instant now) {
        return new Sale(externalReference, phone, operator, value, promo, state, status, refInterne, billingAmount,
                code, message, origin, attempts, nextAttemptAt, createdAt, now, executedAt, account);
    }

    public Sale withAttempt(int attempts, Instant nextAttemptAt, Instant now) {
        return new Sale(externalReference, phone, operator, value, promo, state, status, refInterne, billingAmount,
                errorCode, errorMessage, origin, attempts, nextAttemptAt, createdAt, now, executedAt, account);
    }

    public Environment environment() {
        return account.environment();
    }

    /** True for a demo or sandbox sale: nothing was really sold. */
    public boolean isTest() {
        return account.environment().isTest();
    }

    public StatusClass statusClass() {
        return status == null ? StatusClass.UNKNOWN : status.statusClass();
    }

    /** Accepted and in a class that will not change without a second attempt or a refund. */
    public boolean isDelivered() {
        return state == SaleState.ACCEPTED && status != null && status.isSuccess();
    }
}
