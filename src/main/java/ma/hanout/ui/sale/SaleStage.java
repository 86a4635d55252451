package ma.hanout.ui.sale;

import ma.hanout.domain.Sale;
import ma.hanout.domain.StatusClass;

/**
 * Where a sale stands, in the steps a cashier follows on the live card: queued, sent, in progress,
 * then done or failed (or refunded, or cancelled before it ever left).
 */
public enum SaleStage {
    QUEUED, SENT, IN_PROGRESS, DONE, FAILED, REFUNDED, CANCELLED;

    /** The stage of {@code sale} from its local state and, once the server has it, its status class. */
    public static SaleStage of(Sale sale) {
        return switch (sale.state()) {
            case QUEUED -> QUEUED;
            case SENDING, UNCERTAIN -> SENT;
            case REJECTED -> FAILED;
            case CANCELLED -> CANCELLED;
            case ACCEPTED -> ofStatus(sale);
        };
    }

    private static SaleStage ofStatus(Sale sale) {
        if (sale.status() == null) {
            return IN_PROGRESS;
        }
        StatusClass c = sale.status().statusClass();
        return switch (c) {
            case SUCCESS -> DONE;
            case FAILED -> FAILED;
            case REFUNDED -> REFUNDED;
            case PENDING, UNKNOWN -> IN_PROGRESS;
        };
    }

    /** Nothing more will happen without a person or a late second attempt. */
    public boolean isOutcome() {
        return this == DONE || this == FAILED || this == REFUNDED || this == CANCELLED;
    }

    /** The step it lights on the four-step track (0 queued .. 3 outcome). */
    public int step() {
        return switch (this) {
            case QUEUED -> 0;
            case SENT -> 1;
            case IN_PROGRESS -> 2;
            default -> 3;
        };
    }

    /** The CSS class of its chip and card: {@code stage-done}, {@code stage-failed}... */
    public String styleClass() {
        return "stage-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** The bundle key of its short label: {@code stage.done}. */
    public String labelKey() {
        return "stage." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
