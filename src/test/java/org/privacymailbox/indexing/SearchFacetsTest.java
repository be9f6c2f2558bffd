package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SearchFacetsTest {

    /** Enough for the sample to be a quarter of the index. */
    private static final int MAILS = 4 * LuceneMailIndex.SAMPLED_DOCUMENTS + 5_000;
    private static final int BEST = 77_777;
    private static LuceneMailIndex index;

    private static IndexedMail mail(int i) {
        // languages alternate, so that a sample taking every n-th match would see only one of them
        String language = i % 2 == 0 ? "da" : "sv";
        String body = (i % 100 == 0 ? "sjælden " : "") + (i % 5 == 0 ? "middel " : "") + (i % 2 == 0 ? "anden " : "")
                + (i == BEST ? "almindelig almindelig almindelig " : "") + "almindelig besked " + i;
        return new IndexedMail("mid:" + i, "DPO-2026-000001", "<" + i + "@example.dk>", "abc", "kirsten@example.dk", "Kirsten",
                "Indsigt", Instant.parse("2026-03-01T10:00:00Z").plus(Duration.ofMinutes(i)), "privacy", "access", language, null,
                List.of(), body, "", List.of(), null, List.of());
    }

    @BeforeAll
    static void indexMails() throws Exception {
        index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer());
        List<IndexedMail> mails = new ArrayList<>();
        for (int i = 0; i < MAILS; i++) {
            mails.add(mail(i));
        }
        index.indexAll(mails);
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @Test
    void aFewThousandHitsAreCountedExactly() throws Exception {
        SearchResult rare = index.search("sjælden", 10);

        assertThat(rare.total()).isEqualTo((MAILS + 99) / 100);
        assertThat(rare.totalEstimated()).isFalse();
        assertThat(rare.facetsEstimated()).isFalse();
        assertThat(rare.facets().get(IndexFields.LANGUAGE)).containsExactly(Map.entry("da", (long) (MAILS + 99) / 100));
    }

    @Test
    void veryManyHitsAreCountedFromAnEvenSampleOfTheIndex() throws Exception {
        long middle = (MAILS + 4) / 5;
        SearchResult result = index.search("middel", 10);

        assertThat(result.totalEstimated()).isTrue();
        assertThat(result.facetsEstimated()).isTrue();
        assertThat(result.total()).isCloseTo(middle, within((long) (middle * 0.05)));
        assertThat(result.facets().get(IndexFields.LANGUAGE).get("da")).isCloseTo(middle / 2, within((long) (middle * 0.05)));
        assertThat(result.facets().get(IndexFields.LANGUAGE).get("sv")).isCloseTo(middle / 2, within((long) (middle * 0.05)));
    }

    @Test
    void aPhraseOfCommonWordsIsEstimatedToo() throws Exception {
        long both = (MAILS + 9) / 10;
        SearchResult result = index.search("\"middel anden\"", 10);

        assertThat(result.totalEstimated()).isTrue();
        assertThat(result.total()).isCloseTo(both, within((long) (both * 0.08)));
    }

    @Test
    void thePageHoldsTheBestHitsWhenTheTotalIsEstimated() throws Exception {
        SearchResult relevant = index.search("almindelig", 10);
        assertThat(relevant.totalEstimated()).isTrue();
        assertThat(relevant.total()).isCloseTo(MAILS, within((long) (MAILS * 0.02)));
        assertThat(relevant.hits().get(0).mailKey()).isEqualTo("mid:" + BEST);

        SearchResult newest = index.search(new MailQuery("middel", Map.of(), List.of(), false, null, null, MailQuery.Order.NEWEST, 0, 3));
        int last = (MAILS - 1) / 5 * 5;
        assertThat(newest.hits()).extracting(SearchHit::mailKey).containsExactly("mid:" + last, "mid:" + (last - 5), "mid:" + (last - 10));
    }
}
