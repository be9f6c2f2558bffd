package org.privacymailbox.quarantine;

import java.time.Instant;

/**
 * Why a mail was set aside. Names the mail (case, Message-ID, archive hash, mailbox folder) and the failure,
 * never its content.
 */
public record QuarantineRecord(
        String id,
        Instant quarantinedAt,
        String caseReference,
        String messageId,
        String sha256,
        String stage,
        String reason,
        String folder) {
}
