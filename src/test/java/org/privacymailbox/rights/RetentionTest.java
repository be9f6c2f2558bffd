package org.privacymailbox.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.indexing.IndexedMail;
import org.privacymailbox.indexing.LuceneMailIndex;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumberDetector;

class RetentionTest {

    @TempDir
    Path dir;

    @Test
    void mailOlderThanThePeriodIsErasedFromIndexAndArchiveAndTheRestStays() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC);
        RawArchive archive = new RawArchive(dir.resolve("archive"));
        AuditLog audit = new AuditLog(dir.resolve("audit/audit.log"), new IdentityMasker(new IdentityNumberDetector()), clock);
        try (LuceneMailIndex index = new LuceneMailIndex(new ByteBuffersDirectory(), new StandardAnalyzer(CharArraySet.EMPTY_SET))) {
            ArchivedMail old = archive.store("Subject: gammel\r\n\r\nsild\r\n".getBytes(StandardCharsets.UTF_8));
            ArchivedMail recent = archive.store("Subject: ny\r\n\r\nsild\r\n".getBytes(StandardCharsets.UTF_8));
            index.index(document("mid:old", old.sha256(), Instant.parse("2023-01-10T00:00:00Z")));
            index.index(document("mid:recent", recent.sha256(), Instant.parse("2026-10-01T00:00:00Z")));

            Retention retention = new Retention(new RetentionSettings(null), index, archive, audit, clock);
            retention.daily();
            assertThat(index.count()).as("no period configured: nothing purged").isEqualTo(2);

            assertThat(retention.purge(Duration.ofDays(3 * 365))).isEqualTo(1);
            assertThat(index.findByMailKey("mid:old")).isEmpty();
            assertThat(index.findByMailKey("mid:recent")).isPresent();
            assertThat(archive.contains(old.sha256())).isFalse();
            assertThat(archive.contains(recent.sha256())).isTrue();
            assertThat(Files.readString(dir.resolve("audit/audit.log"))).contains("retention", "1 mails received before");
        }
    }

    private static IndexedMail document(String key, String sha256, Instant received) {
        return new IndexedMail(key, "DPO-2026-000001", "<" + key + ">", sha256, "a@example.dk", null, "emne", received, "other", null, "da",
                "", List.of(), "sild", "", List.of(), null, List.of());
    }
}
