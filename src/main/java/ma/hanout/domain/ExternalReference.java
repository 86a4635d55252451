package ma.hanout.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Chooses a sale's {@code external_reference} before any network call.
 *
 * <p>Form: {@code HN-TTTTTTTT-RRRRR}: eight Crockford base-32 characters of the creation time in
 * milliseconds (sorts by time; readable on a receipt) and five random ones (25 bits from
 * {@link SecureRandom}). Terminals sharing one API account, or a reinstall that lost its
 * database, would have to pick the same 25 random bits in the same millisecond to collide; the
 * engine also treats a {@code 409 DUPLICATE_REFERENCE} as "look it up" so even that cannot sell twice.
 * No I, L, O or U, so nothing is misread when a reference is read out over the phone.
 */
public final class ExternalReference {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("HN-[0-9A-HJKMNP-TV-Z]{8}-[0-9A-HJKMNP-TV-Z]{5}");
    /** The API accepts any string; we keep references printable and bounded. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final Clock clock;
    private final SecureRandom random;

    public ExternalReference(Clock clock) {
        this(clock, new SecureRandom());
    }

    ExternalReference(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public String next() {
        long ms = clock.millis();
        char[] out = new char[17];
        out[0] = 'H';
        out[1] = 'N';
        out[2] = '-';
        for (int i = 10; i >= 3; i--) {
            out[i] = ALPHABET[(int) (ms & 31)];
            ms >>>= 5;
        }
        out[11] = '-';
        int r = random.nextInt(1 << 25);
        for (int i = 16; i >= 12; i--) {
            out[i] = ALPHABET[r & 31];
            r >>>= 5;
        }
        return new String(out);
    }

    /** Whether {@code ref} has the shape this generator makes. */
    public static boolean isGenerated(String ref) {
        return ref != null && SHAPE.matcher(ref).matches();
    }

    /**
     * Checks a reference an integrator supplies ({@code --ref}, a CSV column): 1 to 64 letters,
     * digits, dots, dashes, underscores or colons.
     */
    public static String validate(String ref) {
        if (ref == null || !ACCEPTED.matcher(ref).matches()) {
            throw new DomainException("reference.invalid",
                    "Invalid external reference '" + ref + "': use 1 to 64 letters, digits, '.', '-', '_' or ':'");
        }
        return ref;
    }
}
