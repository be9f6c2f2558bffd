package org.privacymailbox.indexing;

import java.util.List;

public record SearchResult(long total, List<SearchHit> hits) {

    public SearchResult {
        hits = List.copyOf(hits);
    }
}
