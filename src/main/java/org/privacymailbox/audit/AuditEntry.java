package org.privacymailbox.audit;

import java.time.Instant;

/** One look at or change of personal data: who, when, what, and a detail without content (a masked query, counts). */
public record AuditEntry(Instant at, String user, String action, String detail) {
}
