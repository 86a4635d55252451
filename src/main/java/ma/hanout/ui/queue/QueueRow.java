package ma.hanout.ui.queue;

import ma.hanout.domain.Sale;

/**
 * One line of the queue screen.
 *
 * @param age         how long it has waited ({@code 12 min})
 * @param reason      why it waits, in the cashier's words
 * @param cancellable never sent, so it can still be cancelled
 * @param held        waits for a person's decision
 */
public record QueueRow(Sale sale, String age, String reason, boolean cancellable, boolean held) {

    public String reference() {
        return sale.externalReference();
    }
}
