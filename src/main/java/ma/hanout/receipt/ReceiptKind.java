package ma.hanout.receipt;

/** What a printed slip is for. */
public enum ReceiptKind {
    /** The customer's receipt of a sale (delivered or still in progress). */
    SALE,
    /** Proof for the customer that a recharge was not delivered: printed only on request. */
    NOT_DELIVERED
}
