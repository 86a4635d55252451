package ma.hanout.domain;

/** What a person at the shop may do. */
public enum Role {
    /** Balance, margins, settings, users, bulk top-ups, shift close; and everything below. */
    OWNER,
    /** Sells at the counter. */
    CASHIER,
    /** Finds past sales and reprints receipts. */
    STAFF
}
