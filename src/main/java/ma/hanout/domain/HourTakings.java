package ma.hanout.domain;

import java.time.Instant;
import java.util.Objects;

/** One operator's takings in one hour (UTC hour starting at {@code hour}): the summary the owner's charts read. */
public record HourTakings(Instant hour, Operator operator, Takings takings) {
    public HourTakings {
        Objects.requireNonNull(hour, "hour");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(takings, "takings");
    }
}
