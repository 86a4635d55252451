package ma.hanout.domain;

import java.time.Instant;
import java.util.Objects;

/** A person who signs in with a PIN. The PIN itself never leaves the store. */
public record User(long id, String name, Role role, boolean active, Instant createdAt) {

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
