package ma.hanout.webhook;

import java.time.Duration;

/**
 * Tiqopay's webhook signature ({@code reference/000}): header {@code tiqopay-signature:
 * t=<unix>,v1=<hex HMAC-SHA256 of "t.raw_body">} keyed with the webhook secret ({@code whsec_...},
 * used as given), refused when older than 300 s.
 */
public final class TiqopaySignature extends TimestampedHmacScheme {
    public static final String HEADER = "tiqopay-signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    public TiqopaySignature(String secret) {
        super(secret, HEADER, "v1", TOLERANCE);
    }
}
