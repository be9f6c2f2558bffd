package org.privacymailbox.indexing;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A search of the mail index: words in Lucene query syntax (may be empty when filters are given), exact filters on
 * keyword fields ({@code topic}, {@code subtopic}, {@code lang}, {@code case}), identity-number hashes (any of them
 * matches), a time window, and paging.
 */
public record MailQuery(
        String words,
        Map<String, String> filters,
        List<String> identityHashes,
        boolean hasAttachment,
        Instant after,
        Instant before,
        Order order,
        int offset,
        int limit) {

    public enum Order { RELEVANCE, NEWEST }

    public MailQuery {
        words = words == null ? "" : words.strip();
        filters = Map.copyOf(filters);
        identityHashes = List.copyOf(identityHashes);
        order = order == null ? Order.RELEVANCE : order;
        offset = Math.max(0, offset);
        limit = Math.max(1, limit);
    }

    public static MailQuery words(String words, int limit) {
        return new MailQuery(words, Map.of(), List.of(), false, null, null, Order.RELEVANCE, 0, limit);
    }

    public boolean isEmpty() {
        return words.isEmpty() && filters.isEmpty() && identityHashes.isEmpty() && !hasAttachment && after == null && before == null;
    }

    public MailQuery page(int newOffset, int newLimit) {
        return new MailQuery(words, filters, identityHashes, hasAttachment, after, before, order, newOffset, newLimit);
    }
}
