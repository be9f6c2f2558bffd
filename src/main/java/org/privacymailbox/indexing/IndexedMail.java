package org.privacymailbox.indexing;

import java.time.Instant;
import java.util.List;

/**
 * A mail as the index holds it. Identity numbers are already masked in every text here; {@code identityHashes}
 * are their keyed hashes, searchable but never shown.
 */
public record IndexedMail(
        String mailKey,
        String caseReference,
        String messageId,
        String sha256,
        String fromAddress,
        String fromName,
        String subject,
        Instant receivedAt,
        String topic,
        String language,
        String automatedReason,
        List<String> attachmentNames,
        String body,
        String attachmentText,
        List<String> identityHashes) {

    public IndexedMail {
        attachmentNames = List.copyOf(attachmentNames);
        identityHashes = List.copyOf(identityHashes);
    }

    @Override
    public String toString() {
        return "IndexedMail[" + caseReference + "]";
    }
}
