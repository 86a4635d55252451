package ma.hanout.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The terminals' bearer tokens ({@code --token}, one per terminal). Compared as SHA-256 digests in
 * constant time, every token every time, so neither a token's content nor its length nor which one
 * matched shows in the timing.
 */
final class SubscriberTokens {
    private final List<byte[]> digests;

    SubscriberTokens(List<String> tokens) {
        this.digests = tokens.stream().map(SubscriberTokens::digest).toList();
    }

    boolean accepts(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] d = digest(presented);
        boolean ok = false;
        for (byte[] t : digests) {
            ok |= MessageDigest.isEqual(t, d);
        }
        return ok;
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
