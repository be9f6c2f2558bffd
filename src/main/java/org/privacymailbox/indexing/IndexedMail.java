package org.privacymailbox.indexing;

import java.time.Instant;
import java.util.List;

/**
 * A mail as the index holds it. Identity numbers are already masked in every text here; {@code identityHashes}
 * are their keyed hashes, searchable but never shown. A mail forwarded inside another is a document of its own:
 * {@code forwardedIn} is then the mail key of the mail it came in (null otherwise). {@code notes} say what could
 * not be read and why.
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
        String subtopic,
        String language,
        String automatedReason,
        List<String> attachmentNames,
        String body,
        String attachmentText,
        List<String> identityHashes,
        String forwardedIn,
        List<String> notes) {

    public IndexedMail {
        attachmentNames = List.copyOf(attachmentNames);
        identityHashes = List.copyOf(identityHashes);
        notes = List.copyOf(notes);
    }

    @Override
    public String toString() {
        return "IndexedMail[" + caseReference + "]";
    }
}
