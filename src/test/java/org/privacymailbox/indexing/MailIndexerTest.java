package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.cases.MailKey;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.extraction.TikaTextExtractor;
import org.privacymailbox.privacy.IdentityHasher;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumberDetector;

class MailIndexerTest {

    @Test
    void forwardedMailIsADocumentOfItsOwnLinkedToItsCaseAndNotesAreKept() throws Exception {
        String raw = "From: kirsten@example.dk\r\nSubject: Fwd: faktura\r\nMessage-ID: <outer@example.dk>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nSe nedenfor.\r\n"
                + "--b\r\nContent-Type: message/rfc822\r\n\r\nFrom: faktura@shop.example\r\nSubject: Faktura 88123\r\n"
                + "Message-ID: <inner@shop.example>\r\n\r\nRykkergebyr 100 kr for kunde 010180-4321.\r\n"
                + "--b\r\nContent-Type: application/pkcs7-mime; smime-type=enveloped-data; name=smime.p7m\r\n\r\nMIAG\r\n--b--\r\n";
        ParsedMail mail = new MailParser(new TikaTextExtractor(10_000)).parse(raw.getBytes(StandardCharsets.US_ASCII));
        IdentityNumberDetector detector = new IdentityNumberDetector();
        Inquiry inquiry = new Inquiry(new ArchivedMail("a".repeat(64), new byte[0]),
                new CaseFile("mid:outer@example.dk", "DPO-2026-000007", Instant.parse("2026-03-01T10:00:00Z"), Set.of()), mail,
                new Classification(Topic.BILLING, 0.8, "da", 0.9, "", detector.find(mail.forwarded().get(0).body())));
        try (LuceneMailIndex index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer(CharArraySet.EMPTY_SET))) {
            new MailIndexer(index, new IdentityMasker(detector), new IdentityHasher(new byte[32]), Clock.systemUTC()).index(inquiry);

            SearchResult forwarded = index.search("rykkergebyr", 10);
            assertThat(forwarded.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.caseRef()).isEqualTo("DPO-2026-000007");
                assertThat(hit.forwarded()).isTrue();
                assertThat(hit.messageId()).isEqualTo("<inner@shop.example>");
                assertThat(hit.from()).isEqualTo("faktura@shop.example");
                assertThat(hit.snippet()).contains("010180-****").doesNotContain("4321");
            });
            SearchResult outer = index.search("nedenfor", 10);
            assertThat(outer.hits()).singleElement().satisfies(hit -> {
                assertThat(hit.forwarded()).isFalse();
                assertThat(hit.notes()).contains("encrypted (S/MIME): the content cannot be read");
            });
            assertThat(index.findByMailKey("mid:outer@example.dk/forwarded-1")).get()
                    .extracting(IndexedMail::forwardedIn).isEqualTo("mid:outer@example.dk");
            assertThat(index.count()).isEqualTo(2);
            new MailIndexer(index, new IdentityMasker(detector), new IdentityHasher(new byte[32]), Clock.systemUTC()).index(inquiry);
            assertThat(index.count()).as("indexing the same mail again replaces its documents").isEqualTo(2);
        }
    }

    @Test
    void hostileHeaderLongerThanAnIndexTermIsStoredNotRefused() throws Exception {
        String longId = "<" + "x".repeat(40_000) + "@example.dk>";
        ParsedMail mail = new ParsedMail(longId, "a@example.dk", null, null, "Hej", null, "text/plain", Map.of(),
                "almindelig tekst", List.of());
        Inquiry inquiry = new Inquiry(new ArchivedMail("b".repeat(64), new byte[0]),
                new CaseFile(MailKey.of(longId, "b".repeat(64)), "DPO-2026-000008", Instant.now(), Set.of()), mail,
                new Classification(Topic.OTHER, 0.5, "da", 0.9, "", List.of()));
        IdentityNumberDetector detector = new IdentityNumberDetector();
        try (LuceneMailIndex index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer(CharArraySet.EMPTY_SET))) {
            new MailIndexer(index, new IdentityMasker(detector), new IdentityHasher(new byte[32]), Clock.systemUTC()).index(inquiry);
            assertThat(index.search("almindelig", 10).hits()).singleElement().extracting(SearchHit::caseRef).isEqualTo("DPO-2026-000008");
        }
    }
}
