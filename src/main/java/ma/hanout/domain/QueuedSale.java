package ma.hanout.domain;

/**
 * An unsettled sale with what the outbox knows beside it.
 *
 * @param held true when it waits for a person (too old to be sent on its own)
 * @param sent true when a request for it may have left: it can no longer be cancelled
 */
public record QueuedSale(Sale sale, boolean held, boolean sent) {
}
