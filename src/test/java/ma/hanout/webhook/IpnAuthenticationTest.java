package ma.hanout.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class IpnAuthenticationTest {
    private static final String KEY_ID = "app-fbab3ccc";
    private static final String SECRET = "app!secret";
    private static final long NOW = 1_767_225_600L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    private static final String BODY = "{\"id\":\"tx-1\",\"invoice\":{\"id\":\"107285\",\"totalAmount\":{\"amount\":100,"
            + "\"currency\":\"XOF\"}},\"result\":{\"status\":\"COMPLETED\"}}";
    private static final String TARGET = "/hooks/ipn";

    private final IpnAuthentication both = new IpnAuthentication(
            Optional.of(new HttpSignature(KEY_ID, SECRET)), Optional.of("s3cret-pw"));

    private static String httpDate(long unix) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.ofInstant(Instant.ofEpochSecond(unix), ZoneOffset.UTC));
    }

    private static String sha256Base64(String body) throws Exception {
        return Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Headers of a request signed over (request-target) host date digest, computed without the project's code. */
    private static Map<String, List<String>> signedHeaders(String body, long date, String secret, String keyId)
            throws Exception {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Host", List.of("relay.example.ma"));
        h.put("Date", List.of(httpDate(date)));
        h.put("Digest", List.of("SHA-256=" + sha256Base64(body)));
        h.put("Content-Type", List.of("application/json"));
        String signingString = "(request-target): post " + TARGET + "\n"
                + "host: relay.example.ma\n"
                + "date: " + httpDate(date) + "\n"
                + "digest: SHA-256=" + sha256Base64(body);
        h.put("Signature", List.of("keyId=\"" + keyId + "\",algorithm=\"hmac-sha256\","
                + "headers=\"(request-target) host date digest\",signature=\""
                + IndependentHmac.base64(secret, signingString) + "\""));
        return h;
    }

    private SignatureException.Reason reasonOf(Map<String, List<String>> headers, String body) {
        return reasonOf(both, headers, body);
    }

    private static SignatureException.Reason reasonOf(IpnAuthentication auth, Map<String, List<String>> headers,
            String body) {
        try {
            auth.verify(new IpnRequest("POST", TARGET, headers, body.getBytes(StandardCharsets.UTF_8)), CLOCK);
            return null;
        } catch (SignatureException e) {
            return e.reason();
        }
    }

    @Test
    void acceptsAnIndependentlyComputedSignatureHeader() throws Exception {
        var result = both.verify(new IpnRequest("POST", TARGET, signedHeaders(BODY, NOW, SECRET, KEY_ID),
                BODY.getBytes(StandardCharsets.UTF_8)), CLOCK);
        assertThat(result.method()).isEqualTo(IpnAuthentication.Method.SIGNATURE);
        assertThat(result.signedHeaders()).containsExactly("(request-target)", "host", "date", "digest");
    }

    @Test
    void acceptsTheSignatureCarriedInAuthorization() throws Exception {
        Map<String, List<String>> h = signedHeaders(BODY, NOW, SECRET, KEY_ID);
        h.put("Authorization", List.of("Signature " + h.remove("Signature").get(0)));
        assertThat(reasonOf(h, BODY)).isNull();
    }

    @Test
    void refusesABodyWhoseDigestDoesNotMatch() throws Exception {
        assertThat(reasonOf(signedHeaders(BODY, NOW, SECRET, KEY_ID), BODY.replace("100", "900")))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }

    @Test
    void refusesAlteredSignedHeadersWrongSecretAndUnknownKey() throws Exception {
        Map<String, List<String>> h = signedHeaders(BODY, NOW, SECRET, KEY_ID);
        h.put("Host", List.of("evil.example"));
        assertThat(reasonOf(h, BODY)).isEqualTo(SignatureException.Reason.MISMATCH);
        assertThat(reasonOf(signedHeaders(BODY, NOW, "other", KEY_ID), BODY)).isEqualTo(SignatureException.Reason.MISMATCH);
        assertThat(reasonOf(signedHeaders(BODY, NOW, SECRET, "someone-else"), BODY))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }

    @Test
    void theRequestTargetIsSigned() throws Exception {
        Map<String, List<String>> h = signedHeaders(BODY, NOW, SECRET, KEY_ID);
        try {
            both.verify(new IpnRequest("POST", "/hooks/ipn?x=1", h, BODY.getBytes(StandardCharsets.UTF_8)), CLOCK);
            throw new AssertionError("another target must not verify");
        } catch (SignatureException e) {
            assertThat(e.reason()).isEqualTo(SignatureException.Reason.MISMATCH);
        }
    }

    @Test
    void refusesAStaleOrFutureSignedDate() throws Exception {
        assertThat(reasonOf(signedHeaders(BODY, NOW - 301, SECRET, KEY_ID), BODY)).isEqualTo(SignatureException.Reason.STALE);
        assertThat(reasonOf(signedHeaders(BODY, NOW + 301, SECRET, KEY_ID), BODY)).isEqualTo(SignatureException.Reason.FUTURE);
    }

    @Test
    void refusesASignatureThatDoesNotCoverTheBody() throws Exception {
        Map<String, List<String>> h = new LinkedHashMap<>();
        h.put("Date", List.of(httpDate(NOW)));
        h.put("Signature", List.of("keyId=\"" + KEY_ID + "\",algorithm=\"hmac-sha256\",headers=\"date\",signature=\""
                + IndependentHmac.base64(SECRET, "date: " + httpDate(NOW)) + "\""));
        assertThat(reasonOf(h, BODY)).isEqualTo(SignatureException.Reason.MALFORMED);
    }

    @Test
    void malformedSignatureHeadersAreRefusedNotThrown() throws Exception {
        for (String bad : new String[] {"", "keyId", "keyId=\"" + KEY_ID + "\"", "keyId=\"k\",signature=\"unterminated",
            "keyId=\"" + KEY_ID + "\",headers=\"digest\",signature=\"***not base64***\"",
            "keyId=\"" + KEY_ID + "\",algorithm=\"rsa-sha256\",headers=\"digest\",signature=\"AAAA\"",
            "keyId=\"" + KEY_ID + "\",headers=\"digest x-missing\",signature=\"AAAA\"",
            "keyId=a,keyId=b,signature=c", "keyId=\"" + KEY_ID + "\",headers=\"\",signature=\"AAAA\""}) {
            Map<String, List<String>> h = new LinkedHashMap<>();
            h.put("Digest", List.of("SHA-256=" + sha256Base64(BODY)));
            h.put("Signature", List.of(bad));
            SignatureException.Reason r = reasonOf(h, BODY);
            assertThat(r).as(bad).isIn(SignatureException.Reason.MALFORMED, SignatureException.Reason.MISSING);
        }
    }

    @Test
    void acceptsTheRightBasicPasswordWhateverTheUser() {
        Map<String, List<String>> h = Map.of("Authorization", List.of("Basic "
                + Base64.getEncoder().encodeToString("centralbill:s3cret-pw".getBytes(StandardCharsets.UTF_8))));
        assertThat(reasonOf(h, BODY)).isNull();
    }

    @Test
    void refusesAWrongOrMalformedBasicPassword() {
        Map<String, List<String>> wrong = Map.of("Authorization", List.of("Basic "
                + Base64.getEncoder().encodeToString("centralbill:guess".getBytes(StandardCharsets.UTF_8))));
        assertThat(reasonOf(wrong, BODY)).isEqualTo(SignatureException.Reason.MISMATCH);
        assertThat(reasonOf(Map.of("Authorization", List.of("Basic %%%")), BODY))
                .isEqualTo(SignatureException.Reason.MALFORMED);
        assertThat(reasonOf(Map.of("Authorization", List.of("Basic "
                + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8)))), BODY))
                .isEqualTo(SignatureException.Reason.MALFORMED);
        assertThat(reasonOf(Map.of("Authorization", List.of("Bearer abc")), BODY))
                .isEqualTo(SignatureException.Reason.MALFORMED);
        assertThat(reasonOf(Map.of(), BODY)).isEqualTo(SignatureException.Reason.MISSING);
    }

    @Test
    void aMethodThatIsNotConfiguredIsRefused() throws Exception {
        IpnAuthentication passwordOnly = new IpnAuthentication(Optional.empty(), Optional.of("pw"));
        assertThat(reasonOf(passwordOnly, signedHeaders(BODY, NOW, SECRET, KEY_ID), BODY))
                .isEqualTo(SignatureException.Reason.MISMATCH);
        IpnAuthentication signatureOnly = new IpnAuthentication(Optional.of(new HttpSignature(KEY_ID, SECRET)),
                Optional.empty());
        assertThat(reasonOf(signatureOnly, Map.of("Authorization", List.of("Basic "
                + Base64.getEncoder().encodeToString("u:pw".getBytes(StandardCharsets.UTF_8)))), BODY))
                .isEqualTo(SignatureException.Reason.MISMATCH);
    }
}
