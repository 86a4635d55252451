package ma.hanout.engine;

/** Who wrote a timeline entry; shown in a sale's details. */
public final class TimelineSource {
    private TimelineSource() {
    }

    public static final String COUNTER = "counter";
    public static final String BATCH = "batch";
    public static final String CLI = "cli";
    public static final String WORKER = "worker";
    public static final String RECONCILE = "reconcile";
    public static final String POLL = "poll";
    public static final String HISTORY = "history";
    public static final String RELAY = "relay";
    public static final String PERSON = "person";
    public static final String RECOVERY = "recovery";

    /** The source of a sale's creation, by where it came from. */
    static String of(ma.hanout.domain.Sale.Origin origin) {
        return switch (origin) {
            case BATCH -> BATCH;
            case CLI -> CLI;
            case REMOTE -> HISTORY;
            case COUNTER -> COUNTER;
        };
    }
}
