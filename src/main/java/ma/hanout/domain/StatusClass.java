package ma.hanout.domain;

/** What a server status code means at the counter (DESIGN section 2). */
public enum StatusClass {
    /** Wait; show progress. */
    PENDING,
    /** Done; print the receipt. */
    SUCCESS,
    /** Not delivered; give the money back; keep watching a while, a second attempt may follow. */
    FAILED,
    /** The balance was refunded. */
    REFUNDED,
    /** Keep watching; show the code. */
    UNKNOWN
}
