package org.privacymailbox.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.storage.Checkpoint;

class IndexTranslogTest {

    @TempDir
    Path work;

    private static IndexedMail mail(String key, String body) {
        return new IndexedMail(key, "DPO-2026-000001", "<" + key + "@example.dk>", "abc", "kirsten@example.dk", "Kirsten", "Indsigt",
                Instant.parse("2026-03-01T10:00:00Z"), "privacy", "access", "da", null, List.of(), body, "", List.of("hash-1"), null, List.of());
    }

    @Test
    void anAddWaitingForACheckpointIsSearchableAtOnceAndInTheIndexAfterACrashOnceCheckpointed() throws Exception {
        Path translog = work.resolve("index.translog");
        Checkpoint checkpoint = new Checkpoint();
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), translog, checkpoint)) {
            index.index(mail("mid:imported", "Jeg beder om indsigt. Rødstrubet lom."));
            assertThat(index.search("lom", 10).total()).as("searchable at once").isEqualTo(1);
            checkpoint.makeDurable();
            // what a crash after the checkpoint leaves: the translog, and an index without the uncommitted document
            Files.copy(translog, work.resolve("saved.translog"));
        }
        assertThat(hitsAfterACrashThatLeftOnlyTheSavedTranslog("lom")).isEqualTo(1);
    }

    /** Opens the index where a crash left only the translog saved as {@code saved.translog}, and searches it. */
    private long hitsAfterACrashThatLeftOnlyTheSavedTranslog(String word) throws Exception {
        Path crashed = work.resolve("crashed");
        Files.createDirectories(crashed);
        Files.copy(work.resolve("saved.translog"), crashed.resolve("index.translog"));
        try (FSDirectory directory = FSDirectory.open(crashed.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), crashed.resolve("index.translog"))) {
            return index.search(word, 10).total();
        }
    }

    @Test
    void addsCanWaitForACheckpointOnlyWithATranslog() throws Exception {
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"))) {
            assertThatThrownBy(() -> new LuceneMailIndex(directory, new StandardAnalyzer(), null, new Checkpoint()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("translog");
        }
    }

    @Test
    void documentsOnlyInTheTranslogAreInTheIndexAfterACrash() throws Exception {
        Path translog = work.resolve("index.translog");
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), translog)) {
            index.index(mail("mid:first", "Jeg beder om indsigt. Rødstrubet lom."));
            assertThat(index.search("lom", 10).total()).as("searchable at once").isEqualTo(1);
            // what a crash leaves: the translog as it is now, and an index without the uncommitted document
            Files.copy(translog, work.resolve("saved.translog"));
        }
        Path crashed = work.resolve("crashed");
        Files.createDirectories(crashed);
        Files.copy(work.resolve("saved.translog"), crashed.resolve("index.translog"));
        // a line cut short by the crash is left out, the rest is kept
        Files.writeString(crashed.resolve("index.translog"), "{\"mailKey\":\"mid:cut", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        try (FSDirectory directory = FSDirectory.open(crashed.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), crashed.resolve("index.translog"))) {
            assertThat(index.search("lom", 10).total()).isEqualTo(1);
            assertThat(index.count(new MailQuery("", Map.of(), List.of("hash-1"), false, null, null, null, 0, 10)))
                    .as("found by its identity hash").isEqualTo(1);
            assertThat(Files.size(crashed.resolve("index.translog"))).as("emptied once committed").isZero();
        }
    }

    @Test
    void aMailSearchableFromASegmentStillInMemoryIsInTheIndexAfterACrash() throws Exception {
        Path translog = work.resolve("index.translog");
        try (Directory directory = IndexConfiguration.onDisk(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), translog)) {
            index.index(mail("mid:first", "Jeg beder om indsigt. Rødstrubet lom."));
            assertThat(index.search("lom", 10).total()).isEqualTo(1);
            index.index(mail("mid:second", "Slet mine oplysninger. Havørn."));
            assertThat(index.search("havørn", 10).total()).as("searchable from the segment the search wrote").isEqualTo(1);
            // what a crash leaves: the files on disk and the translog, none of the memory
            copyTree(work.resolve("index"), work.resolve("crashed/index"));
            Files.copy(translog, work.resolve("crashed/index.translog"));
        }

        try (Directory directory = IndexConfiguration.onDisk(work.resolve("crashed/index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), work.resolve("crashed/index.translog"))) {
            assertThat(index.search("lom", 10).total()).isEqualTo(1);
            assertThat(index.search("havørn", 10).total()).isEqualTo(1);
        }
    }

    @Test
    void addingTheSameMailAgainReplacesItsDocument() throws Exception {
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), work.resolve("index.translog"))) {
            index.index(mail("mid:same", "første udgave"));
            index.index(mail("mid:same", "anden udgave"));
            assertThat(index.count()).isEqualTo(1);
            assertThat(index.search("anden", 10).total()).isEqualTo(1);
        }
    }

    @Test
    void anAddAfterALineCutShortByACrashSurvivesTheNextCrash() throws Exception {
        Path translog = work.resolve("index.translog");
        // the first crash left only half a line: that add never returned
        Files.writeString(translog, "{\"mailKey\":\"mid:cut", StandardCharsets.UTF_8);
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), translog)) {
            index.index(mail("mid:after", "Rødstrubet lom."));
            Files.copy(translog, work.resolve("saved.translog"));
        }
        assertThat(hitsAfterACrashThatLeftOnlyTheSavedTranslog("lom")).isEqualTo(1);
    }

    @Test
    void documentsSetAsideForACommitThatACrashCutShortAreAddedAgain() throws Exception {
        Path translogFile = work.resolve("index.translog");
        // what a crash in the middle of a commit leaves: the log set aside for it, and the new one
        try (IndexTranslog translog = new IndexTranslog(translogFile)) {
            translog.sync(translog.append(List.of(mail("mid:before", "Rødstrubet lom."))));
            translog.roll();
            translog.sync(translog.append(List.of(mail("mid:during", "Sortstrubet lom."))));
        }
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), translogFile)) {
            assertThat(index.search("lom", 10).total()).isEqualTo(2);
        }
        assertThat(work.resolve("index.translog.rolled")).as("dropped once committed").doesNotExist();
        assertThat(Files.size(translogFile)).isZero();
    }

    @Test
    void aCommitDropsOnlyTheLogSetAsideBeforeItStarted() throws Exception {
        try (IndexTranslog translog = new IndexTranslog(work.resolve("index.translog"))) {
            translog.sync(translog.append(List.of(mail("mid:one", "en"))));
            int first = translog.roll();
            translog.sync(translog.append(List.of(mail("mid:two", "to"))));
            assertThat(translog.roll()).as("a second commit while the first runs holds the same log").isEqualTo(first);
            translog.dropRolled(first);
            assertThat(translog.pending()).extracting(IndexedMail::mailKey).containsExactly("mid:two");

            int second = translog.roll();
            translog.sync(translog.append(List.of(mail("mid:three", "tre"))));
            translog.dropRolled(first);
            assertThat(translog.pending()).as("a late commit leaves a newer log alone").extracting(IndexedMail::mailKey)
                    .containsExactly("mid:two", "mid:three");
            translog.dropRolled(second);
            assertThat(translog.pending()).extracting(IndexedMail::mailKey).containsExactly("mid:three");
        }
    }

    @Test
    void addsThatRanWhileCommitsWereWrittenSurviveACrash() throws Exception {
        Path translog = work.resolve("index.translog");
        int threads = 4;
        int each = 800;
        try (FSDirectory directory = FSDirectory.open(work.resolve("index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), translog)) {
            List<Thread> adders = new ArrayList<>();
            AtomicReference<Exception> failure = new AtomicReference<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Thread adder = new Thread(() -> {
                    try {
                        for (int i = 0; i < each; i++) {
                            index.index(mail("mid:" + thread + "-" + i, "lom nummer " + i));
                        }
                    } catch (Exception e) {
                        failure.set(e);
                    }
                });
                adder.start();
                adders.add(adder);
            }
            for (Thread adder : adders) {
                adder.join();
            }
            assertThat(failure.get()).isNull();
            // a crash now: the index as last committed and the translog as it stands, nothing closed
            copyTree(work.resolve("index"), work.resolve("crashed/index"));
            for (String name : new String[] {"index.translog", "index.translog.rolled"}) {
                if (Files.exists(work.resolve(name))) {
                    Files.copy(work.resolve(name), work.resolve("crashed/" + name));
                }
            }
        }
        try (FSDirectory directory = FSDirectory.open(work.resolve("crashed/index"));
                LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer(), work.resolve("crashed/index.translog"))) {
            assertThat(index.count()).isEqualTo(threads * each);
            assertThat(index.search("lom", 10).total()).isEqualTo(threads * each);
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("write.lock")) {
                    Files.copy(file, to.resolve(file.getFileName()));
                }
            }
        }
    }
}
