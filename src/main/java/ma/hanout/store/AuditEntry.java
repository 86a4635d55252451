package ma.hanout.store;

import java.time.Instant;

/** One line of the audit log: who did what, when ({@code sale.cancel}, {@code settings.change}, {@code user.create}...). */
public record AuditEntry(long id, Instant at, String actor, String action, String detail) {
}
