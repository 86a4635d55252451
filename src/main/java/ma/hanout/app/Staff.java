package ma.hanout.app;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Role;
import ma.hanout.domain.User;
import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import ma.hanout.store.UserStore;

/**
 * The people who sign in at the counter. Removing someone stops them signing in but keeps their
 * name on the sales they made; the last active owner cannot be removed (nobody could open the
 * settings again). Each change is in the audit log; a PIN never is.
 */
public final class Staff {
    private final Database db;
    private final UserStore users;
    private final AuditStore audit;
    private final Clock clock;

    Staff(Database db, UserStore users, AuditStore audit, Clock clock) {
        this.db = db;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** Active users, in the order they were added. */
    public List<User> active() {
        return users.list().stream().filter(User::active).toList();
    }

    public boolean hasOwner() {
        return active().stream().anyMatch(u -> u.role() == Role.OWNER);
    }

    /** Adds a user with a 4-8 digit PIN; someone removed earlier under that name comes back with it. */
    public User add(String name, Role role, String pin, String actor) {
        return db.write(c -> {
            Optional<User> old = users.find(name);
            User u;
            if (old.isPresent() && !old.get().active() && old.get().role() == role) {
                users.changePin(old.get().id(), pin);
                users.setActive(old.get().id(), true);
                u = users.find(old.get().id()).orElseThrow();
            } else {
                try {
                    u = users.create(name, role, pin);
                } catch (ma.hanout.store.UserNameTakenException e) {
                    throw new DomainException("user.name_taken", e.getMessage());
                }
            }
            audit.append(c, clock.instant(), actor, "user.added", u.name() + " (" + role.code() + ")");
            return u;
        });
    }

    /** Stops {@code name} signing in. */
    public User remove(String name, String actor) {
        return db.write(c -> {
            User u = users.find(name).filter(User::active)
                    .orElseThrow(() -> new DomainException("user.unknown", "No user named '" + name + "'"));
            if (u.role() == Role.OWNER && active().stream().filter(x -> x.role() == Role.OWNER).count() == 1) {
                throw new DomainException("user.last_owner",
                        u.name() + " is the only owner: add another owner before removing them");
            }
            users.setActive(u.id(), false);
            audit.append(c, clock.instant(), actor, "user.removed", u.name() + " (" + u.role().code() + ")");
            return u;
        });
    }

    /** Replaces {@code user}'s PIN. */
    public void changePin(User user, String newPin, String actor) {
        db.write(c -> {
            users.changePin(user.id(), newPin);
            audit.append(c, clock.instant(), actor, "pin.changed", user.name());
            return null;
        });
    }

    /** The active user with this name and PIN, or empty (without saying which was wrong). */
    public Optional<User> verify(String name, String pin) {
        return users.verify(name, pin);
    }
}
