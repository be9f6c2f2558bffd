package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class SnippetTest {

    private static IndexedMail mail(String key, String subject, String body, String attachmentText) {
        return new IndexedMail(key, "DPO-2026-000001", "<" + key + "@example.dk>", "abc", "kirsten@example.dk", "Kirsten",
                subject, Instant.parse("2026-03-01T10:00:00Z"), "billing", "refund", "da", null,
                attachmentText.isEmpty() ? List.of() : List.of("kvittering.pdf"), body, attachmentText, List.of(), null, List.of());
    }

    @Test
    void theSnippetShowsTheFieldWhereTheQueryMatched() throws Exception {
        try (LuceneMailIndex index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer())) {
            index.index(mail("mid:attachment", "Dobbelt betaling", "Hej, se venligst vedhæftede fil.", "Kvittering for ordre 4711, betalt med kort."));
            index.index(mail("mid:subject", "Kvittering mangler", "Jeg har ikke fået noget.", ""));
            index.index(mail("mid:body", "Spørgsmål", "Hvor er min kvittering? Jeg betalte i går.", ""));

            SearchResult result = index.search("kvittering", 10);

            assertThat(result.hits()).hasSize(3).allSatisfy(hit -> assertThat(hit.snippet()).contains("<mark>"));
            assertThat(result.hits()).filteredOn(hit -> hit.mailKey().equals("mid:attachment")).singleElement()
                    .satisfies(hit -> assertThat(hit.snippet()).contains("<mark>Kvittering</mark> for ordre 4711").doesNotContain("vedhæftede"));
            assertThat(result.hits()).filteredOn(hit -> hit.mailKey().equals("mid:subject")).singleElement()
                    .satisfies(hit -> assertThat(hit.snippet()).contains("<mark>Kvittering</mark> mangler"));
            assertThat(result.hits()).filteredOn(hit -> hit.mailKey().equals("mid:body")).singleElement()
                    .satisfies(hit -> assertThat(hit.snippet()).contains("min <mark>kvittering</mark>"));
        }
    }

    @Test
    void aHitFoundOnlyByAFilterShowsTheStartOfItsBody() throws Exception {
        try (LuceneMailIndex index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer())) {
            index.index(mail("mid:one", "Spørgsmål", "Hvor er min kvittering?", ""));

            SearchResult result = index.search(new MailQuery("", java.util.Map.of("topic", "billing"), List.of(), false, null, null,
                    MailQuery.Order.NEWEST, 0, 10));

            assertThat(result.hits()).singleElement().satisfies(hit -> assertThat(hit.snippet()).isEqualTo("Hvor er min kvittering?"));
        }
    }
}
