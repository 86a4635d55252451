package ma.hanout.webhook;

import java.util.Optional;

/** Where a relayed event came from; {@link #wireName()} is the {@code source} field of the event stream. */
public enum WebhookSource {
    MOROCCOTOPUP("moroccotopup"),
    TIQOPAY("tiqopay"),
    FEDAPAY("fedapay"),
    IPN("ipn");

    private final String wireName;

    WebhookSource(String wireName) {
        this.wireName = wireName;
    }

    /** The lowercase name used on the wire and in the ingest path {@code /hooks/NAME}. */
    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookSource> fromWire(String name) {
        for (WebhookSource s : values()) {
            if (s.wireName.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
