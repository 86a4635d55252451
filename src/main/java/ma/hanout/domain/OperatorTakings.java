package ma.hanout.domain;

import java.util.Objects;

/** One operator's takings over a period. */
public record OperatorTakings(Operator operator, Takings takings) {
    public OperatorTakings {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(takings, "takings");
    }
}
