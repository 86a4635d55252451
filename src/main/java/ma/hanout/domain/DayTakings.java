package ma.hanout.domain;

import java.time.LocalDate;
import java.util.Objects;

/** All operators' takings on one local day. */
public record DayTakings(LocalDate day, Takings takings) {
    public DayTakings {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(takings, "takings");
    }
}
