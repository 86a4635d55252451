package ma.hanout.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as the API writes them, {@code 2026-01-09 19:21:57}, in the clock's time zone (Morocco by default). */
final class SimDates {
    private static final DateTimeFormatter API = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Clock clock;

    SimDates(Clock clock) {
        this.clock = clock;
    }

    String format(Instant at) {
        return at == null ? null : API.format(at.atZone(clock.getZone()));
    }

    /** An exact instant with milliseconds, for the {@code /_sim} endpoints where tests measure schedules. */
    String instant(Instant at) {
        return at == null ? null : DateTimeFormatter.ISO_INSTANT.format(at);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate dayOf(Instant at) {
        return at.atZone(clock.getZone()).toLocalDate();
    }
}
