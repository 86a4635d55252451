package ma.hanout.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TiqopaySignatureTest {
    private static final String SECRET = "whsec_aBcDeFgHiJkLmNoPqRsTuV";
    private static final long NOW = 1_767_225_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String BODY = "{\"type\":\"transaction.funded\",\"data\":{\"id\":\"txn_01JQ\",\"amount\":50000}}";

    private final TiqopaySignature scheme = new TiqopaySignature(SECRET);

    /** The reference's Python verifier: hmac.new(secret.encode(), f"{ts}.{payload}".encode(), sha256).hexdigest(). */
    private static String v1(long ts, String body, String secret) {
        return IndependentHmac.hex(secret, ts + "." + body);
    }

    private void verify(String header, String body) throws SignatureException {
        scheme.verify(header, body.getBytes(StandardCharsets.UTF_8), CLOCK);
    }

    private static SignatureException.Reason reasonOf(ThrowingRunnable r) {
        try {
            r.run();
        } catch (SignatureException e) {
            return e.reason();
        }
        throw new AssertionError("expected a SignatureException");
    }

    interface ThrowingRunnable {
        void run() throws SignatureException;
    }

    @Test
    void acceptsTheReferenceSchemeComputedIndependently() {
        assertThatCode(() -> verify("t=" + NOW + ",v1=" + v1(NOW, BODY, SECRET), BODY)).doesNotThrowAnyException();
    }

    @Test
    void acceptsUppercaseHexAndSpacesAroundElements() {
        assertThatCode(() -> verify(" t=" + NOW + " , v1=" + v1(NOW, BODY, SECRET).toUpperCase(), BODY))
                .doesNotThrowAnyException();
    }

    @Test
    void anyOneOfSeveralV1ValuesMatchingIsEnough() {
        String header = "t=" + NOW + ",v1=" + v1(NOW, BODY, "whsec_old") + ",v1=" + v1(NOW, BODY, SECRET);
        assertThatCode(() -> verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void ignoresOtherSchemesInTheHeader() {
        String header = "t=" + NOW + ",v0=" + "ab".repeat(32) + ",v1=" + v1(NOW, BODY, SECRET);
        assertThatCode(() -> verify(header, BODY)).doesNotThrowAnyException();
    }

    @Test
    void refusesATamperedBody() {
        String header = "t=" + NOW + ",v1=" + v1(NOW, BODY, SECRET);
        assertThat(reasonOf(() -> verify(header, BODY.replace("50000", "90000"))))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }

    @Test
    void refusesTheWrongSecret() {
        assertThat(reasonOf(() -> verify("t=" + NOW + ",v1=" + v1(NOW, BODY, "whsec_other"), BODY)))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }

    @Test
    void refusesASignatureOverAnotherTimestamp() {
        assertThat(reasonOf(() -> verify("t=" + NOW + ",v1=" + v1(NOW - 1, BODY, SECRET), BODY)))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }

    @Test
    void acceptsUpTo300SecondsOldAndRefusesOlder() {
        long edge = NOW - 300;
        assertThatCode(() -> verify("t=" + edge + ",v1=" + v1(edge, BODY, SECRET), BODY)).doesNotThrowAnyException();
        long stale = NOW - 301;
        assertThat(reasonOf(() -> verify("t=" + stale + ",v1=" + v1(stale, BODY, SECRET), BODY)))
                .isEqualTo(SignatureException.Reason.STALE);
    }

    @Test
    void refusesATimestampFarInTheFuture() {
        long future = NOW + 301;
        assertThat(reasonOf(() -> verify("t=" + future + ",v1=" + v1(future, BODY, SECRET), BODY)))
                .isEqualTo(SignatureException.Reason.FUTURE);
    }

    @Test
    void missingHeaderIsMissing() {
        assertThat(reasonOf(() -> verify(null, BODY))).isEqualTo(SignatureException.Reason.MISSING);
        assertThat(reasonOf(() -> verify("", BODY))).isEqualTo(SignatureException.Reason.MISSING);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=1767225600",
        "t=1767225600,v1=",
        "t=1767225600,v1=zz00000000000000000000000000000000000000000000000000000000000000",
        "t=1767225600,v1=abcd",
        "t=,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=soon,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=1767225600,t=1767225600,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "garbage",
        ",,,",
        "=",
    })
    void malformedHeadersAreRefusedWithAReasonNotAnException(String header) {
        assertThatThrownBy(() -> verify(header, BODY))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.MALFORMED))
                .hasMessageContaining(TiqopaySignature.HEADER);
    }
}
