package ma.hanout.engine;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for network errors and 5xx: attempt n waits between half and all
 * of {@code initial × 2^(n−1)}, capped at {@code max}. The jitter keeps terminals that lost the
 * network together from all coming back in the same second.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The delay before attempt {@code attempt + 1}, after {@code attempt} failed ones (attempt >= 1). */
    public Duration after(int attempt) {
        int n = Math.max(1, Math.min(attempt, 30));
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(n - 1, 20)));
        long half = ceiling / 2;
        return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
    }
}
