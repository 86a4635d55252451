package ma.hanout.ui.history;

import java.util.Set;

import ma.hanout.domain.SaleState;
import ma.hanout.domain.SaleQuery;

/** The status choices of the history search, each a set of server codes or of local states. */
public enum StatusFilter {
    ANY(Set.of(), Set.of()),
    DONE(Set.of(3, 19, 20), Set.of()),
    IN_PROGRESS(Set.of(0, 1, 2, 16, 17, 21, 22), Set.of()),
    FAILED(Set.of(4, 5, 6, 7, 8, 9, 10, 12), Set.of()),
    REFUNDED(Set.of(11), Set.of()),
    NOT_SENT(Set.of(), Set.of(SaleState.QUEUED, SaleState.SENDING, SaleState.UNCERTAIN)),
    REJECTED(Set.of(), Set.of(SaleState.REJECTED)),
    CANCELLED(Set.of(), Set.of(SaleState.CANCELLED));

    private final Set<Integer> codes;
    private final Set<SaleState> states;

    StatusFilter(Set<Integer> codes, Set<SaleState> states) {
        this.codes = codes;
        this.states = states;
    }

    /** {@code query} narrowed to this status. */
    public SaleQuery apply(SaleQuery query) {
        SaleQuery q = query;
        if (!codes.isEmpty()) {
            q = q.withStatusCodes(codes);
        }
        if (!states.isEmpty()) {
            q = q.withStates(states);
        }
        return q;
    }

    public String labelKey() {
        return "history.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
