package ma.hanout.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a sale stands locally (DESIGN section 2). Transitions are enforced: an illegal one is a
 * bug and throws {@link IllegalSaleTransition}.
 */
public enum SaleState {
    /** On disk, never sent (or known not to have reached the server). */
    QUEUED,
    /** A send is in flight; after a crash this means "maybe sent" and is treated as uncertain. */
    SENDING,
    /** Sent, outcome unknown: ask by reference before any resend. */
    UNCERTAIN,
    /** The server has it; the server status code says the rest. */
    ACCEPTED,
    /** A definitive error; never retried. */
    REJECTED,
    /** Cancelled by a person before it was ever sent. */
    CANCELLED;

    /** The states this one may move to. */
    public Set<SaleState> next() {
        return switch (this) {
            // QUEUED -> ACCEPTED: a sale adopted from the server's records (history sync / by-ref)
            case QUEUED -> EnumSet.of(SENDING, CANCELLED, ACCEPTED);
            // SENDING -> QUEUED: the request provably never left (connection refused)
            case SENDING -> EnumSet.of(ACCEPTED, REJECTED, UNCERTAIN, QUEUED);
            // UNCERTAIN -> SENDING: by-ref said 404, resend the same reference
            case UNCERTAIN -> EnumSet.of(SENDING, ACCEPTED, REJECTED);
            case ACCEPTED, REJECTED, CANCELLED -> EnumSet.noneOf(SaleState.class);
        };
    }

    public boolean canMoveTo(SaleState target) {
        return next().contains(target);
    }

    /** Returns {@code target} when the move is allowed, throws otherwise. */
    public SaleState moveTo(SaleState target) {
        if (!canMoveTo(target)) {
            throw new IllegalSaleTransition(this, target);
        }
        return target;
    }

    /** No further local state change will happen (the server status may still move for ACCEPTED). */
    public boolean isTerminal() {
        return next().isEmpty();
    }

    /** Needs the engine's attention: not yet known to the server, or not known whether it is. */
    public boolean isUnsettled() {
        return this == QUEUED || this == SENDING || this == UNCERTAIN;
    }
}
