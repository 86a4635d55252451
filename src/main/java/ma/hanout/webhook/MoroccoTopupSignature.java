package ma.hanout.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * MoroccoTopup's webhook signature: {@code X-Webhook-Signature} is the hex HMAC-SHA256 of
 * {@code timestamp + "." + raw_body} keyed with the API secret, {@code X-Webhook-Timestamp} the
 * timestamp as sent. Used by the simulator to sign, by the relay and the desktop to verify, and by
 * tests.
 */
public final class MoroccoTopupSignature {
    public static final String TIMESTAMP_HEADER = "X-Webhook-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Webhook-Signature";
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    private final String secret;

    public MoroccoTopupSignature(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.secret = secret;
    }

    /** The hex signature for {@code timestamp} and the exact body bytes. */
    public String sign(String timestamp, byte[] rawBody) {
        return Hmac.sha256Hex(secret, (timestamp + ".").getBytes(StandardCharsets.UTF_8), rawBody);
    }

    /**
     * Verifies a delivery. The reference makes anti-replay optional: with {@code tolerance} null only
     * the signature is checked; otherwise the timestamp (unix seconds) must be within
     * {@code tolerance} of {@code clock}, in the past or the future.
     */
    public void verify(String timestamp, String signature, byte[] rawBody, Clock clock, Duration tolerance)
            throws SignatureException {
        if (signature == null || signature.isBlank()) {
            throw new SignatureException(SignatureException.Reason.MISSING, "missing " + SIGNATURE_HEADER + " header");
        }
        if (timestamp == null || timestamp.isBlank()) {
            throw new SignatureException(SignatureException.Reason.MISSING, "missing " + TIMESTAMP_HEADER + " header");
        }
        String sig = signature.strip();
        if (!HEX_64.matcher(sig).matches()) {
            throw new SignatureException(SignatureException.Reason.MALFORMED,
                    SIGNATURE_HEADER + " must be 64 hexadecimal characters (HMAC-SHA256)");
        }
        if (tolerance != null) {
            long ts;
            try {
                ts = Long.parseLong(timestamp.strip());
            } catch (NumberFormatException e) {
                throw new SignatureException(SignatureException.Reason.MALFORMED,
                        TIMESTAMP_HEADER + " must be a unix time in seconds");
            }
            Freshness.check(ts, clock, tolerance);
        }
        byte[] expected = Hmac.sha256(secret.getBytes(StandardCharsets.UTF_8),
                (timestamp + ".").getBytes(StandardCharsets.UTF_8), rawBody);
        if (!Hmac.hexMatches(expected, sig)) {
            throw new SignatureException(SignatureException.Reason.MISMATCH, "signature does not match the body");
        }
    }
}
