package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Mail without a subject, a sender's name or attachments is common. Its document still has a length in every text
 * field, so that Lucene keeps those lengths as a dense list (a sparse one made writing segments grow with the square
 * of their size), and the empty fields change nothing that a search finds or returns.
 */
class TextFieldNormsTest {

    private static IndexedMail mail(String key, String fromName, String subject, List<String> attachments, String body,
            String attachmentText) {
        return new IndexedMail(key, "DPO-2026-000001", "<" + key + "@example.dk>", "abc", "kunde@example.dk", fromName, subject,
                Instant.parse("2026-03-01T10:00:00Z"), "privacy", "access", "da", null, attachments, body, attachmentText,
                List.of(), null, List.of());
    }

    @Test
    void everyDocumentHasALengthInEveryTextFieldAndEmptyFieldsFindNothing() throws Exception {
        Directory directory = new ByteBuffersDirectory();
        try (LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer())) {
            index.indexAll(List.of(
                    mail("mid:full", "Kirsten", "Indsigt", List.of("kvittering.pdf"), "Jeg vil have indsigt", "Kvittering 123"),
                    mail("mid:bare", null, null, List.of(), "", null),
                    mail("mid:body", null, "", List.of(), "Slet mine oplysninger", "")));

            assertThat(index.search(MailQuery.words("kvittering", 10)).hits()).extracting(SearchHit::mailKey).containsExactly("mid:full");
            assertThat(index.search(MailQuery.words("slet", 10)).hits()).extracting(SearchHit::mailKey).containsExactly("mid:body");
            Optional<IndexedMail> bare = index.findByMailKey("mid:bare");
            assertThat(bare).hasValueSatisfying(found -> {
                assertThat(found.subject()).isNull();
                assertThat(found.fromName()).isNull();
                assertThat(found.body()).isNull();
                assertThat(found.attachmentText()).isNull();
                assertThat(found.attachmentNames()).isEmpty();
            });
        }

        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                for (String field : IndexFields.TEXT_FIELDS) {
                    NumericDocValues norms = leaf.reader().getNormValues(field);
                    int withLength = 0;
                    while (norms != null && norms.nextDoc() != DocIdSetIterator.NO_MORE_DOCS) {
                        withLength++;
                    }
                    assertThat(withLength).as(field).isEqualTo(leaf.reader().maxDoc());
                }
            }
        }
    }
}
