package org.privacymailbox.indexing;

import java.time.Instant;

/** One search result; {@code snippet} is HTML-escaped text with the matches inside {@code <mark>} elements. */
public record SearchHit(
        String caseRef,
        String messageId,
        String subject,
        String from,
        Instant receivedAt,
        String topic,
        String language,
        String snippet) {
}
