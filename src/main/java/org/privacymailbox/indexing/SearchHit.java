package org.privacymailbox.indexing;

import java.time.Instant;
import java.util.List;

/**
 * One search result; {@code snippet} is HTML-escaped text with the matches inside {@code <mark>} elements.
 * {@code forwarded} is true for a mail that came forwarded inside the case's mail; {@code notes} say what of it
 * could not be read.
 */
public record SearchHit(
        String mailKey,
        String sha256,
        String caseRef,
        String messageId,
        String subject,
        String from,
        Instant receivedAt,
        String topic,
        String subtopic,
        String language,
        String snippet,
        boolean forwarded,
        List<String> notes) {
}
