package ma.hanout.webhook;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class MoroccoTopupSignatureTest {
    /** The webhook payload of the reference's example, byte for byte as it would travel. */
    private static final String BODY = "{\"event\":\"recharge.status_changed\",\"client_code\":\"API-20251226-569\","
            + "\"status_code_old\":1,\"status_code_new\":2,\"recharge\":{\"ref_interne\":\"189957125550360\","
            + "\"external_reference\":\"TEST-001\",\"phone\":\"0612345678\",\"operator\":\"Inwi\",\"value\":10,"
            + "\"type\":\"6\",\"billing_amount\":9.35,\"created_at\":\"2026-01-09 19:21:57\","
            + "\"executed_at\":\"2026-01-09 19:22:00\"}}";
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_767_986_520L), ZoneOffset.UTC);

    private final MoroccoTopupSignature scheme = new MoroccoTopupSignature("YOUR_HMAC_SECRET");

    @Test
    void verifiesTheReferenceComputationDoneIndependently() {
        // the reference's PHP: hash_hmac('sha256', $timestamp . '.' . $raw, $secret)
        String sig = IndependentHmac.hex("YOUR_HMAC_SECRET", "1767986520." + BODY);
        assertThatCode(() -> scheme.verify("1767986520", sig, BODY.getBytes(StandardCharsets.UTF_8), CLOCK, null))
                .doesNotThrowAnyException();
    }

    @Test
    void optionalToleranceRefusesOldAndFutureTimestamps() {
        String old = IndependentHmac.hex("YOUR_HMAC_SECRET", "1767986000." + BODY);
        assertThatThrownBy(() -> scheme.verify("1767986000", old, BODY.getBytes(StandardCharsets.UTF_8), CLOCK,
                Duration.ofSeconds(300))).isInstanceOf(SignatureException.class).hasMessageContaining("old");
        String future = IndependentHmac.hex("YOUR_HMAC_SECRET", "1767987000." + BODY);
        assertThatThrownBy(() -> scheme.verify("1767987000", future, BODY.getBytes(StandardCharsets.UTF_8), CLOCK,
                Duration.ofSeconds(300))).isInstanceOf(SignatureException.class).hasMessageContaining("future");
    }
}
