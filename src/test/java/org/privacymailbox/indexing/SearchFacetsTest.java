package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SearchFacetsTest {

    private static final int MAILS = 60_000;

    private static IndexedMail mail(int i) {
        // languages alternate, so that a sample taking every n-th match would see only one of them
        String language = i % 2 == 0 ? "da" : "sv";
        String body = (i % 100 == 0 ? "sjælden " : "") + "almindelig besked " + i;
        return new IndexedMail("mid:" + i, "DPO-2026-000001", "<" + i + "@example.dk>", "abc", "kirsten@example.dk", "Kirsten",
                "Indsigt", Instant.parse("2026-03-01T10:00:00Z"), "privacy", "access", language, null, List.of(), body, "",
                List.of(), null, List.of());
    }

    @Test
    void facetsOfVeryManyHitsAreEstimatedEvenlyWhileTheTotalStaysExact() throws Exception {
        try (LuceneMailIndex index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer())) {
            List<IndexedMail> mails = new ArrayList<>();
            for (int i = 0; i < MAILS; i++) {
                mails.add(mail(i));
            }
            index.indexAll(mails);

            SearchResult common = index.search("almindelig", 10);
            assertThat(common.total()).isEqualTo(MAILS);
            assertThat(common.facetsEstimated()).isTrue();
            assertThat(common.facets().get(IndexFields.LANGUAGE).get("da")).isCloseTo(MAILS / 2, within((long) (MAILS * 0.05)));
            assertThat(common.facets().get(IndexFields.LANGUAGE).get("sv")).isCloseTo(MAILS / 2, within((long) (MAILS * 0.05)));

            SearchResult rare = index.search("sjælden", 10);
            assertThat(rare.total()).isEqualTo(MAILS / 100);
            assertThat(rare.facetsEstimated()).isFalse();
            assertThat(rare.facets().get(IndexFields.LANGUAGE)).containsExactly(java.util.Map.entry("da", (long) MAILS / 100));
        }
    }
}
