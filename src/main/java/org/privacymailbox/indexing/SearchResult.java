package org.privacymailbox.indexing;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total, and the counts per value of each facet (topic, subtopic, lang, month) over all hits.
 * {@code facetsEstimated}: with very many hits the facet counts are estimated from an even sample of them (the
 * total is always exact).
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, boolean facetsEstimated) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    public SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
        this(total, hits, facets, false);
    }

    public SearchResult(long total, List<SearchHit> hits) {
        this(total, hits, Map.of(), false);
    }
}
