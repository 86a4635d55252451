package ma.hanout.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The IPN provider's HTTP Signature ({@code reference/001}; draft-cavage-http-signatures):
 * {@code Signature: keyId="...",algorithm="hmac-sha256",headers="(request-target) host date digest",
 * signature="<base64>"}, also accepted as {@code Authorization: Signature ...}. The signing string is
 * one {@code name: value} line per listed header, lowercase names, joined by {@code \n};
 * {@code (request-target)} is {@code method path?query} in lowercase method. The HMAC-SHA256 is keyed
 * with the application secret.
 *
 * <p>The body is only authenticated through a signed {@code Digest} header ({@code SHA-256=<base64>}),
 * so a request with a body must sign {@code digest}, and the digest must match the bytes received.
 * A signed {@code Date} (or {@code (created)}) must be within 300 s of now, past or future.
 */
public final class HttpSignature {
    public static final String SIGNATURE_HEADER = "Signature";
    public static final Duration TOLERANCE = Duration.ofSeconds(300);

    private static final int MAX_HEADER_LENGTH = 8192;

    private final String keyId;
    private final byte[] secret;

    public HttpSignature(String keyId, String secret) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("an IPN key id is required");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("an IPN secret is required");
        }
        this.keyId = keyId;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The header names (lowercase, pseudo-headers included) a verified signature covered. */
    public record Verified(List<String> signedHeaders) {
    }

    /**
     * Verifies the signature found in {@code Signature} or in {@code Authorization: Signature ...}.
     *
     * @throws SignatureException with the reason and a message an operator can act on
     */
    public Verified verify(IpnRequest request, Clock clock) throws SignatureException {
        String raw = signatureParameters(request);
        Map<String, String> params = parseParameters(raw);
        String givenKeyId = required(params, "keyId");
        String signature = required(params, "signature");
        String algorithm = params.get("algorithm");
        if (algorithm != null && !algorithm.equalsIgnoreCase("hmac-sha256") && !algorithm.equalsIgnoreCase("hs2019")) {
            throw malformed("algorithm '" + shorten(algorithm) + "' is not supported; use hmac-sha256");
        }
        List<String> headers = signedHeaders(params);
        if (request.body().length > 0 && !headers.contains("digest")) {
            throw malformed("the signature does not cover the body: 'digest' must be among the signed headers");
        }
        if (!MessageDigest.isEqual(givenKeyId.getBytes(StandardCharsets.UTF_8), keyId.getBytes(StandardCharsets.UTF_8))) {
            throw new SignatureException(SignatureException.Reason.MISMATCH, "unknown keyId '" + shorten(givenKeyId) + "'");
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signature.strip());
        } catch (IllegalArgumentException e) {
            throw malformed("signature is not base64");
        }
        byte[] expected = Hmac.sha256(secret, signingString(request, headers, params).getBytes(StandardCharsets.UTF_8));
        if (!Hmac.constantTimeEquals(expected, given)) {
            throw new SignatureException(SignatureException.Reason.MISMATCH,
                    "HTTP signature does not match (wrong secret or altered headers)");
        }
        if (headers.contains("digest")) {
            checkDigest(request.header("digest").orElseThrow(), request.body());
        }
        checkTime(request, headers, params, clock);
        return new Verified(headers);
    }

    /** Whether the request carries an HTTP signature at all (as opposed to a password or nothing). */
    public static boolean isPresent(IpnRequest request) {
        return request.header(SIGNATURE_HEADER).isPresent()
                || request.header("authorization").map(a -> startsWithScheme(a, "Signature")).orElse(false);
    }

    static boolean startsWithScheme(String authorization, String scheme) {
        String a = authorization.strip();
        return a.length() > scheme.length() && a.regionMatches(true, 0, scheme, 0, scheme.length())
                && Character.isWhitespace(a.charAt(scheme.length()));
    }

    private static String signatureParameters(IpnRequest request) throws SignatureException {
        var header = request.header(SIGNATURE_HEADER);
        if (header.isPresent()) {
            return header.get();
        }
        var auth = request.header("authorization");
        if (auth.isPresent() && startsWithScheme(auth.get(), "Signature")) {
            return auth.get().strip().substring("Signature".length()).strip();
        }
        throw new SignatureException(SignatureException.Reason.MISSING,
                "missing Signature header (or Authorization: Signature ...)");
    }

    /** {@code name=value} pairs separated by commas; a value is a quoted string or a bare token. */
    static Map<String, String> parseParameters(String raw) throws SignatureException {
        if (raw.isBlank()) {
            throw malformed("is empty");
        }
        if (raw.length() > MAX_HEADER_LENGTH) {
            throw malformed("is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = 0;
        int n = raw.length();
        while (i < n) {
            while (i < n && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
                i++;
            }
            int nameStart = i;
            while (i < n && raw.charAt(i) != '=' && raw.charAt(i) != ',') {
                i++;
            }
            String name = raw.substring(nameStart, i).strip();
            if (i >= n || raw.charAt(i) != '=' || name.isEmpty()) {
                throw malformed("has an element that is not name=value near '" + shorten(raw.substring(nameStart)) + "'");
            }
            i++;
            String value;
            if (i < n && raw.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = raw.charAt(i++);
                    if (c == '\\' && i < n) {
                        sb.append(raw.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        sb.append(c);
                    }
                }
                if (!closed) {
                    throw malformed("has an unterminated quoted value for " + name);
                }
                value = sb.toString();
            } else {
                int valueStart = i;
                while (i < n && raw.charAt(i) != ',') {
                    i++;
                }
                value = raw.substring(valueStart, i).strip();
            }
            if (params.put(name, value) != null) {
                throw malformed("has " + name + " twice");
            }
            while (i < n && (raw.charAt(i) == ' ' || raw.charAt(i) == '\t')) {
                i++;
            }
            if (i < n) {
                if (raw.charAt(i) != ',') {
                    throw malformed("expected ',' after " + name);
                }
                i++;
            }
        }
        return params;
    }

    private static List<String> signedHeaders(Map<String, String> params) throws SignatureException {
        String list = params.get("headers");
        if (list == null) {
            // draft-cavage: "(created)" by default since draft 11, "date" before it
            return List.of(params.containsKey("created") ? "(created)" : "date");
        }
        List<String> names = new ArrayList<>();
        for (String h : list.strip().split("[ \t]+")) {
            if (!h.isEmpty()) {
                names.add(h.toLowerCase(Locale.ROOT));
            }
        }
        if (names.isEmpty()) {
            throw malformed("headers=\"\" lists no header");
        }
        return List.copyOf(names);
    }

    private static String signingString(IpnRequest request, List<String> headers, Map<String, String> params)
            throws SignatureException {
        StringBuilder sb = new StringBuilder();
        for (String h : headers) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(h).append(": ");
            switch (h) {
                case "(request-target)" -> sb.append(request.method().toLowerCase(Locale.ROOT)).append(' ')
                        .append(request.target());
                case "(created)", "(expires)" -> {
                    String p = params.get(h.substring(1, h.length() - 1));
                    if (p == null) {
                        throw malformed("signs " + h + " but has no " + h.substring(1, h.length() - 1) + " parameter");
                    }
                    sb.append(p);
                }
                default -> sb.append(request.header(h).orElseThrow(
                        () -> malformed("signs header '" + h + "' but the request has no such header")));
            }
        }
        return sb.toString();
    }

    private static void checkDigest(String value, byte[] body) throws SignatureException {
        boolean checked = false;
        for (String item : value.split(",")) {
            String part = item.strip();
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new SignatureException(SignatureException.Reason.MALFORMED,
                        "Digest header element is not algorithm=value: '" + shorten(part) + "'");
            }
            String alg = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            if (!alg.equals("SHA-256") && !alg.equals("SHA-512")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(part.substring(eq + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new SignatureException(SignatureException.Reason.MALFORMED, "Digest " + alg + " value is not base64");
            }
            if (!MessageDigest.isEqual(digest(alg, body), given)) {
                throw new SignatureException(SignatureException.Reason.MISMATCH,
                        "Digest does not match the body (altered body)");
            }
            checked = true;
        }
        if (!checked) {
            throw new SignatureException(SignatureException.Reason.MALFORMED,
                    "Digest header has no SHA-256 or SHA-512 value");
        }
    }

    private static void checkTime(IpnRequest request, List<String> headers, Map<String, String> params, Clock clock)
            throws SignatureException {
        if (headers.contains("date")) {
            String date = request.header("date").orElseThrow();
            long unix;
            try {
                unix = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toEpochSecond();
            } catch (DateTimeParseException e) {
                throw new SignatureException(SignatureException.Reason.MALFORMED,
                        "Date header is not an HTTP date: '" + shorten(date) + "'");
            }
            Freshness.check(unix, clock, TOLERANCE);
        }
        if (headers.contains("(created)")) {
            Freshness.check(unixParameter(params, "created"), clock, TOLERANCE);
        }
        if (params.containsKey("expires") && unixParameter(params, "expires") < clock.millis() / 1000) {
            throw new SignatureException(SignatureException.Reason.STALE, "the signature has expired");
        }
    }

    private static long unixParameter(Map<String, String> params, String name) throws SignatureException {
        String v = params.get(name);
        if (v == null || !v.matches("[0-9]{1,12}")) {
            throw malformed(name + " must be a unix time in seconds");
        }
        return Long.parseLong(v);
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }

    private static String required(Map<String, String> params, String name) throws SignatureException {
        String v = params.get(name);
        if (v == null || v.isBlank()) {
            throw malformed("has no " + name);
        }
        return v;
    }

    private static SignatureException malformed(String what) {
        return new SignatureException(SignatureException.Reason.MALFORMED, "Signature header " + what);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
