package ma.hanout.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code t=<unix>,<scheme>=<hex>[,<scheme>=<hex>...]} header shared by Tiqopay ({@code v1}) and
 * FedaPay ({@code s}). Several values of the expected scheme may appear (a secret being rolled);
 * keys of other schemes are ignored, as the providers' own libraries do.
 */
record TimestampedSignatureHeader(long timestamp, List<String> signatures) {

    private static final int MAX_HEADER_LENGTH = 4096;
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final Pattern HEX_64 = Pattern.compile("[0-9a-fA-F]{64}");

    /**
     * Parses {@code value} of header {@code headerName}; every way it can be wrong is a
     * {@link SignatureException} saying which, never a runtime exception.
     */
    static TimestampedSignatureHeader parse(String headerName, String value, String scheme) throws SignatureException {
        if (value == null || value.isBlank()) {
            throw new SignatureException(SignatureException.Reason.MISSING, "missing " + headerName + " header");
        }
        if (value.length() > MAX_HEADER_LENGTH) {
            throw malformed(headerName, "is longer than " + MAX_HEADER_LENGTH + " characters");
        }
        Long timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String part = item.strip();
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw malformed(headerName, "has an element that is not key=value: '" + shorten(part) + "'");
            }
            String key = part.substring(0, eq).strip();
            String v = part.substring(eq + 1).strip();
            if (key.equals("t")) {
                if (timestamp != null) {
                    throw malformed(headerName, "has more than one t= timestamp");
                }
                if (!UNIX_SECONDS.matcher(v).matches()) {
                    throw malformed(headerName, "t= must be a unix time in seconds, got '" + shorten(v) + "'");
                }
                timestamp = Long.parseLong(v);
            } else if (key.equals(scheme)) {
                if (!HEX_64.matcher(v).matches()) {
                    throw malformed(headerName,
                            scheme + "= must be 64 hexadecimal characters (HMAC-SHA256), got '" + shorten(v) + "'");
                }
                signatures.add(v.toLowerCase(Locale.ROOT));
            }
        }
        if (timestamp == null) {
            throw malformed(headerName, "has no t= timestamp");
        }
        if (signatures.isEmpty()) {
            throw malformed(headerName, "has no " + scheme + "= signature");
        }
        return new TimestampedSignatureHeader(timestamp, List.copyOf(signatures));
    }

    private static SignatureException malformed(String headerName, String what) {
        return new SignatureException(SignatureException.Reason.MALFORMED, headerName + " " + what);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
