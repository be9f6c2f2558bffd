package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReindexCommandTest {

    @TempDir
    Path work;

    private static Set<String> documents(Path index) throws Exception {
        Set<String> documents = new TreeSet<>();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(index))) {
            StoredFields fields = reader.storedFields();
            for (int i = 0; i < reader.maxDoc(); i++) {
                documents.add(fields.document(i).get("case_ref") + " " + fields.document(i).get("mail_key") + " " + fields.document(i).get("topic"));
            }
        }
        return documents;
    }

    @Test
    void theIndexIsRebuiltFromTheArchiveWithEveryMailInItsCase() throws Exception {
        Path mbox = work.resolve("mail.mbox");
        Files.writeString(mbox, """
                From a Mon Mar  4 10:00:00 2024
                From: kirsten@example.dk
                Subject: Sletning
                Message-ID: <r1@example.dk>

                Slet venligst mine oplysninger.

                From b Mon Mar  4 11:00:00 2024
                From: ole@example.no
                Subject: Purring
                Message-ID: <r2@example.no>

                Hvorfor har jeg fått purregebyr?
                """, StandardCharsets.UTF_8);
        Path data = work.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(ImportCommand.run(new String[] {mbox.toString(), "--privacy-mailbox.data-dir=" + data}, print, print)).isZero();
        Set<String> before = documents(data.resolve("index"));
        assertThat(before).hasSize(2);

        // an index lost or broken: remove it altogether
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        ByteArrayOutputStream reindexed = new ByteArrayOutputStream();
        int code = ReindexCommand.run(new String[] {"--privacy-mailbox.data-dir=" + data}, new PrintStream(reindexed, true, StandardCharsets.UTF_8),
                print);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(reindexed.toString(StandardCharsets.UTF_8)).contains("reindexed 2 of 2 archived mails (0 unreadable");
        assertThat(documents(data.resolve("index"))).isEqualTo(before);
    }
}
