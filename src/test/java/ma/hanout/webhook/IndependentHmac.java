package ma.hanout.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 straight from javax.crypto, so tests never check the project's signing code against itself. */
public final class IndependentHmac {
    private IndependentHmac() {
    }

    public static byte[] raw(String key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    public static String hex(String key, String message) {
        return HexFormat.of().formatHex(raw(key, message));
    }

    public static String base64(String key, String message) {
        return Base64.getEncoder().encodeToString(raw(key, message));
    }
}
