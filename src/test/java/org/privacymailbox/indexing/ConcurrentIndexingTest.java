package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentIndexingTest {

    private static final int WORKERS = 4;
    private static final int MAILS_EACH = 400;

    @TempDir
    Path work;

    private static IndexedMail mail(String key, String language) {
        return new IndexedMail(key, "DPO-2026-000001", "<" + key + "@example.dk>", "abc", "kirsten@example.dk", "Kirsten", "Indsigt",
                Instant.parse("2026-03-01T10:00:00Z"), "privacy", "access", language, null, List.of(), "rødstrubet lom " + key, "",
                List.of(), null, List.of());
    }

    @Test
    void mailsAddedSideBySideAreAllFoundCountedExactlyAndKeptAcrossARestart() throws Exception {
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), work.resolve("index.translog"))) {
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int worker = 0; worker < WORKERS; worker++) {
                    int w = worker;
                    done.add(workers.submit(() -> {
                        for (int i = 0; i < MAILS_EACH; i++) {
                            index.index(mail("mid:" + w + "-" + i, i % 2 == 0 ? "da" : "sv"));
                        }
                        return null;
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                workers.shutdown();
            }
            SearchResult result = index.search("lom", 10);
            assertThat(result.total()).as("an exact count, not a lower bound").isEqualTo(WORKERS * MAILS_EACH);
            assertThat(result.hits()).hasSize(10);
            assertThat(result.facets().get(IndexFields.LANGUAGE)).containsEntry("da", 800L).containsEntry("sv", 800L);
        }
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), work.resolve("index.translog"))) {
            assertThat(index.search("lom", 1).total()).isEqualTo(WORKERS * MAILS_EACH);
        }
    }
}
