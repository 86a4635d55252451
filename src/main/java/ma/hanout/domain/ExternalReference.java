package ma.hanout.domain;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Chooses a sale's {@code external_reference} before any network call.
 *
 * <p>Form: {@code HN-TTTTTTTT-RRRRR}: eight Crockford base-32 characters of the creation time in
 * milliseconds since 2020-01-01 (40 bits: sorts by time until 2054; readable on a receipt) and
 * five more (25 bits). The first reference of a millisecond takes random bits from
 * {@link SecureRandom}; the next ones in the same millisecond add one, so one generator never
 * repeats itself and its references sort in the order they were made, even when a batch makes
 * thousands in one millisecond or the clock steps back (ULID's monotonic rule). Terminals sharing
 * one API account, or a reinstall that lost its database, would have to pick overlapping random
 * bits in the same millisecond to collide; the engine also treats a {@code 409 DUPLICATE_REFERENCE}
 * as "look it up" so even that cannot sell twice. Use one generator per process.
 * No I, L, O or U, so nothing is misread when a reference is read out over the phone.
 */
public final class ExternalReference {
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern SHAPE = Pattern.compile("HN-[0-9A-HJKMNP-TV-Z]{8}-[0-9A-HJKMNP-TV-Z]{5}");
    /** The API accepts any string; we keep references printable and bounded. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /**
     * 2020-01-01T00:00Z. Raw Unix milliseconds need 41 bits today; in 40 bits they wrap on
     * 2039-09-07, after which new references would sort before old ones.
     */
    private static final long EPOCH_MS = 1_577_836_800_000L;
    private static final long TIME_SPAN = 1L << 40;
    private static final int RANDOM_SPAN = 1 << 25;

    private final Clock clock;
    private final SecureRandom random;
    private long lastTime = -1;
    private int lastRandom;

    public ExternalReference(Clock clock) {
        this(clock, new SecureRandom());
    }

    ExternalReference(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public synchronized String next() {
        long ms = Math.floorMod(clock.millis() - EPOCH_MS, TIME_SPAN);
        if (ms > lastTime) {
            lastTime = ms;
            lastRandom = random.nextInt(RANDOM_SPAN);
        } else if (lastRandom < RANDOM_SPAN - 1) {
            lastRandom++;
        } else {
            // the random part is spent for this millisecond: borrow the next one
            lastTime++;
            lastRandom = random.nextInt(RANDOM_SPAN);
        }
        long t = lastTime;
        char[] out = new char[17];
        out[0] = 'H';
        out[1] = 'N';
        out[2] = '-';
        for (int i = 10; i >= 3; i--) {
            out[i] = ALPHABET[(int) (t & 31)];
            t >>>= 5;
        }
        out[11] = '-';
        int r = lastRandom;
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
