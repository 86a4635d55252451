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

class FedaPaySignatureTest {
    private static final String SECRET = "wh_sandbox_9f3c2a";
    private static final long NOW = 1_767_225_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String BODY = "{\"name\":\"transaction.approved\",\"entity\":{\"id\":1042,\"amount\":5000,"
            + "\"reference\":\"trx_AbC\",\"currency\":{\"iso\":\"XOF\"}}}";

    private final FedaPaySignature scheme = new FedaPaySignature(SECRET);

    /** As fedapay-node computes it: createHmac('sha256', secret).update(timestamp + '.' + payload).digest('hex'). */
    private static String s(long ts, String body, String secret) {
        return IndependentHmac.hex(secret, ts + "." + body);
    }

    private SignatureException.Reason reasonOf(String header, String body) {
        try {
            scheme.verify(header, body.getBytes(StandardCharsets.UTF_8), CLOCK);
        } catch (SignatureException e) {
            return e.reason();
        }
        return null;
    }

    @Test
    void acceptsTheLibrariesSchemeComputedIndependently() {
        assertThat(reasonOf("t=" + NOW + ",s=" + s(NOW, BODY, SECRET), BODY)).isNull();
    }

    @Test
    void anyOneOfSeveralSValuesMatchingIsEnough() {
        assertThat(reasonOf("t=" + NOW + ",s=" + s(NOW, BODY, "wh_old") + ",s=" + s(NOW, BODY, SECRET), BODY)).isNull();
    }

    @Test
    void aTiqopayStyleV1ValueDoesNotCountForFedaPay() {
        assertThat(reasonOf("t=" + NOW + ",v1=" + s(NOW, BODY, SECRET), BODY))
                .isEqualTo(SignatureException.Reason.MALFORMED);
    }

    @Test
    void refusesTamperedBodyAndWrongSecret() {
        String header = "t=" + NOW + ",s=" + s(NOW, BODY, SECRET);
        assertThat(reasonOf(header, BODY.replace("5000", "9000"))).isEqualTo(SignatureException.Reason.MISMATCH);
        assertThat(reasonOf("t=" + NOW + ",s=" + s(NOW, BODY, "wh_other"), BODY))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }

    @Test
    void refusesStaleAndFutureTimestamps() {
        long stale = NOW - 301;
        long future = NOW + 301;
        assertThat(reasonOf("t=" + stale + ",s=" + s(stale, BODY, SECRET), BODY)).isEqualTo(SignatureException.Reason.STALE);
        assertThat(reasonOf("t=" + future + ",s=" + s(future, BODY, SECRET), BODY))
                .isEqualTo(SignatureException.Reason.FUTURE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"s=00", "t=1767225600", "t=1767225600,s=xyz", "t=-5,s=00", "t=1767225600;s=00", " "})
    void malformedOrEmptyHeadersAreRefusedWithAClearMessage(String header) {
        assertThatThrownBy(() -> scheme.verify(header, BODY.getBytes(StandardCharsets.UTF_8), CLOCK))
                .isInstanceOf(SignatureException.class)
                .hasMessageContaining(FedaPaySignature.HEADER);
    }
}
