package ma.hanout.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and a constant-time compare, shared by every signature scheme. */
public final class Hmac {
    private Hmac() {
    }

    public static byte[] sha256(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public static byte[] sha256(String key, byte[]... parts) {
        return sha256(key.getBytes(StandardCharsets.UTF_8), parts);
    }

    public static String sha256Hex(String key, byte[]... parts) {
        return HexFormat.of().formatHex(sha256(key, parts));
    }

    /** Constant-time equality of two byte arrays (length leaks, content does not). */
    public static boolean constantTimeEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Constant-time compare of an expected lowercase hex digest with a received hex string (any case);
     * false for anything that is not hex of the right length.
     */
    public static boolean hexMatches(byte[] expected, String receivedHex) {
        if (receivedHex == null || receivedHex.length() != expected.length * 2) {
            return false;
        }
        byte[] received;
        try {
            received = HexFormat.of().parseHex(receivedHex.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return constantTimeEquals(expected, received);
    }
}
