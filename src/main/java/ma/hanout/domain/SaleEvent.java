package ma.hanout.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One step of a sale's status timeline: what became known, when, and from where.
 *
 * @param externalReference the sale it belongs to
 * @param at                when it became known
 * @param state             the local state after this step, null when it did not change
 * @param status            the server status after this step, null when none was given
 * @param source            where it came from ({@code counter}, {@code send}, {@code poll}, {@code relay}, ...)
 * @param detail            free text for people (an error message, a webhook id), may be null
 */
public record SaleEvent(String externalReference, Instant at, SaleState state, RechargeStatus status, String source,
        String detail) {

    public SaleEvent {
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
        if (source.isBlank()) {
            throw new IllegalArgumentException("a sale event needs a source");
        }
    }
}
