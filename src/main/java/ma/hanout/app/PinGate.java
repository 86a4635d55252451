package ma.hanout.app;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import ma.hanout.store.PinAttemptStore;
import ma.hanout.store.PinAttemptStore.Attempts;

/**
 * Signing in with a PIN at the counter (DESIGN section 8). After {@value #FREE_TRIES} wrong PINs in
 * a row the pad locks for 30 seconds, and each wrong PIN after that doubles the wait (up to an
 * hour); a right PIN clears the count. The count is the pad's, not a name's: trying every name
 * with the same guesses does not get around it. Lockouts go to the audit log, PINs never do.
 */
public final class PinGate {
    public static final int FREE_TRIES = 5;
    static final Duration FIRST_LOCK = Duration.ofSeconds(30);
    static final Duration LONGEST_LOCK = Duration.ofHours(1);
    private static final String PAD = "*";

    /** What one try gave. */
    public sealed interface Result permits Accepted, Wrong, Locked, NotOwner {
    }

    /** The PIN is right: {@code user} is signed in. */
    public record Accepted(User user) implements Result {
    }

    /** Wrong name or PIN; {@code triesLeft} before the pad locks (0: it locks at the next wrong one). */
    public record Wrong(int triesLeft) implements Result {
    }

    /** The pad is locked until {@code until}: no PIN is checked before then. */
    public record Locked(Instant until) implements Result {
    }

    /** The PIN is right but an owner's was needed. */
    public record NotOwner(User user) implements Result {
    }

    private final Staff staff;
    private final PinAttemptStore attempts;
    private final AuditStore audit;
    private final Clock clock;

    PinGate(Database db, Staff staff, AuditStore audit, Clock clock) {
        this.staff = staff;
        this.attempts = new PinAttemptStore(db);
        this.audit = audit;
        this.clock = clock;
    }

    /** Until when the pad is locked, if it is now. */
    public Optional<Instant> lockedUntil() {
        Instant until = attempts.get(PAD).lockedUntil();
        return until.isAfter(clock.instant()) ? Optional.of(until) : Optional.empty();
    }

    /** Checks {@code name}'s PIN. Slow on purpose (PBKDF2): call off the UI thread. */
    public Result signIn(String name, String pin) {
        return check(name, pin, false);
    }

    /** As {@link #signIn}, but only an owner passes (the owner-only screens). */
    public Result signInOwner(String name, String pin) {
        return check(name, pin, true);
    }

    private synchronized Result check(String name, String pin, boolean ownerOnly) {
        Instant now = clock.instant();
        Attempts a = attempts.get(PAD);
        if (a.lockedUntil().isAfter(now)) {
            return new Locked(a.lockedUntil());
        }
        Optional<User> user = staff.verify(name, pin);
        if (user.isPresent()) {
            attempts.clear(PAD);
            if (ownerOnly && user.get().role() != Role.OWNER) {
                audit.append(now, user.get().name(), "owner_screen.refused", "not an owner");
                return new NotOwner(user.get());
            }
            return new Accepted(user.get());
        }
        int failures = a.failures() + 1;
        if (failures < FREE_TRIES) {
            attempts.put(PAD, new Attempts(failures, Instant.EPOCH));
            return new Wrong(FREE_TRIES - failures);
        }
        Duration wait = lockFor(failures);
        Instant until = now.plus(wait);
        attempts.put(PAD, new Attempts(failures, until));
        audit.append(now, name == null || name.isBlank() ? "?" : name.strip(), "pin.lockout",
                failures + " wrong PINs in a row; locked " + wait.toSeconds() + " s");
        return new Locked(until);
    }

    /** 30 s at the 5th wrong PIN, doubling with each one after, at most an hour. */
    static Duration lockFor(int failures) {
        int doublings = Math.min(failures - FREE_TRIES, 7);
        Duration d = FIRST_LOCK.multipliedBy(1L << doublings);
        return d.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : d;
    }
}
