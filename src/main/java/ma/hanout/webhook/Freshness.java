package ma.hanout.webhook;

import java.time.Clock;
import java.time.Duration;

/** The replay window shared by the timestamped schemes: too old and too far in the future both fail. */
public final class Freshness {
    private Freshness() {
    }

    public static void check(long unixSeconds, Clock clock, Duration tolerance) throws SignatureException {
        long now = clock.millis() / 1000;
        long age = now - unixSeconds;
        if (age > tolerance.toSeconds()) {
            throw new SignatureException(SignatureException.Reason.STALE,
                    "timestamp is " + age + " s old; the limit is " + tolerance.toSeconds() + " s");
        }
        if (-age > tolerance.toSeconds()) {
            throw new SignatureException(SignatureException.Reason.FUTURE,
                    "timestamp is " + (-age) + " s in the future; the limit is " + tolerance.toSeconds() + " s");
        }
    }
}
