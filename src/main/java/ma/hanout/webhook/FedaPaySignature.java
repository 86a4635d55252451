package ma.hanout.webhook;

import java.time.Duration;

/**
 * FedaPay's webhook signature, as its own libraries (fedapay-node, fedapay-php, fedapay-python)
 * verify it: header {@code X-FEDAPAY-SIGNATURE: t=<unix>,s=<hex HMAC-SHA256 of "t.raw_body">} keyed
 * with the webhook's secret ({@code wh_...}), default tolerance 300 s. The libraries only refuse
 * old timestamps; far-future ones are refused here too.
 */
public final class FedaPaySignature extends TimestampedHmacScheme {
    public static final String HEADER = "X-FEDAPAY-SIGNATURE";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    public FedaPaySignature(String secret) {
        super(secret, HEADER, "s", TOLERANCE);
    }
}
