package ma.hanout.domain;

import java.util.Locale;
import java.util.Optional;

/** What a person at the shop may do (DESIGN section 8). */
public enum Role {
    /** Everything: dashboard, settings, credentials, users, bulk top-ups, exports, audit log. */
    OWNER,
    /** Sells, watches the queue and history, reprints, opens and closes their shift. */
    CASHIER;

    /** {@code owner} or {@code cashier}, as the command line and settings spell it. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code owner} or {@code cashier}, any case. */
    public static Optional<Role> fromCode(String code) {
        for (Role r : values()) {
            if (code != null && r.code().equals(code.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
