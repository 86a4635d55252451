package ma.hanout.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

/**
 * The Stripe-like scheme Tiqopay and FedaPay both use: the header carries {@code t=<unix>} and one or
 * more hex HMAC-SHA256 of {@code t + "." + raw_body} keyed with the webhook secret, under a
 * provider-specific key; a delivery older (or further in the future) than the tolerance is refused.
 */
abstract class TimestampedHmacScheme {
    private final byte[] secret;
    private final String headerName;
    private final String scheme;
    private final Duration tolerance;

    TimestampedHmacScheme(String secret, String headerName, String scheme, Duration tolerance) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required for " + headerName);
        }
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.headerName = headerName;
        this.scheme = scheme;
        this.tolerance = tolerance;
    }

    /**
     * Verifies {@code headerValue} against the raw body: any one signature of the expected scheme
     * matching is enough; then the timestamp must be within the tolerance of {@code clock}, past or future.
     */
    public void verify(String headerValue, byte[] rawBody, Clock clock) throws SignatureException {
        TimestampedSignatureHeader header = TimestampedSignatureHeader.parse(headerName, headerValue, scheme);
        byte[] expected = Hmac.sha256(secret, signedPrefix(header.timestamp()), rawBody);
        boolean matched = false;
        for (String candidate : header.signatures()) {
            // no early exit: every candidate is compared, so timing does not say which one matched
            matched |= Hmac.hexMatches(expected, candidate);
        }
        if (!matched) {
            throw new SignatureException(SignatureException.Reason.MISMATCH,
                    headerName + " does not match the body (wrong secret or altered body)");
        }
        Freshness.check(header.timestamp(), clock, tolerance);
    }

    private static byte[] signedPrefix(long unixSeconds) {
        return (unixSeconds + ".").getBytes(StandardCharsets.US_ASCII);
    }
}
