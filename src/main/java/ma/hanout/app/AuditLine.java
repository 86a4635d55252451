package ma.hanout.app;

import java.time.Instant;

/** One line of the audit log as the owner reads it: who did what, when. */
public record AuditLine(long id, Instant at, String actor, String action, String detail) {
}
