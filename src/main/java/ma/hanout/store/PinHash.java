package ma.hanout.store;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PIN as the {@code users} table keeps it: PBKDF2-HMAC-SHA256 with a random salt. The iteration
 * count is stored with each hash, so raising it later leaves old PINs verifiable.
 *
 * <p>210,000 iterations. Measured on this project's 2-core build machine: about 58 ms per check
 * idle (85 ms at 310,000, OWASP's 2021 figure), 95-190 ms at 310,000 with the machine loaded, and
 * the first check after start-up pays ~0.5 s of JIT warm-up whatever the count. 210,000 keeps a
 * sign-in under ~150 ms with room for a shop's slower PC. A 4-digit PIN is still only 10,000
 * guesses for someone holding the database file: the hash keeps PINs from being read, the file's
 * protection is the folder's.
 */
record PinHash(byte[] hash, byte[] salt, int iterations) {
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    static PinHash of(String pin) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return new PinHash(derive(pin, salt, ITERATIONS), salt, ITERATIONS);
    }

    /** Constant-time comparison of {@code pin}'s hash with this one. */
    boolean matches(String pin) {
        return MessageDigest.isEqual(hash, derive(pin, salt, iterations));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        char[] chars = pin.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // every Java 17 runtime ships this algorithm; without it no PIN can be checked at all
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
