package org.privacymailbox.indexing;

import java.util.List;
import java.util.Map;

/**
 * One page of hits, the total, and the counts per value of each facet (topic, subtopic, lang, month) over all hits.
 * With very many hits (more than 10,000) the total ({@code totalEstimated}) and the facet counts ({@code
 * facetsEstimated}) are estimated from an even sample of the index; the hits on the page are always the best ones.
 */
public record SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets, boolean facetsEstimated,
        boolean totalEstimated) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = facets == null ? Map.of() : Map.copyOf(facets);
    }

    public SearchResult(long total, List<SearchHit> hits, Map<String, Map<String, Long>> facets) {
        this(total, hits, facets, false, false);
    }

    public SearchResult(long total, List<SearchHit> hits) {
        this(total, hits, Map.of(), false, false);
    }
}
