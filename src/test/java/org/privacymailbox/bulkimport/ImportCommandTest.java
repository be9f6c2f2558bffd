package org.privacymailbox.bulkimport;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.BrokerJournal;
import org.privacymailbox.TestMail;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ImportCommandTest {

    private static final Path DEV_CORPUS = Path.of("..", "shared", "corpus", "dev");
    private static final List<String> REPORT_FIELDS = List.of("source", "messageId", "language", "topic", "queue", "acknowledge",
            "identifiers", "attachments", "error");
    private final JsonMapper json = JsonMapper.builder().build();

    @TempDir
    Path work;

    private record Run(int exitCode, String out, String err) {
    }

    private Run importCommand(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = ImportCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private List<JsonNode> report(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            lines.add(json.readTree(line));
        }
        return lines;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void dryRunOverTheDevCorpusReportsEveryMessageAndWritesNothingElse() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(DEV_CORPUS), "the development corpus is not beside this checkout");
        Path data = Files.createDirectories(work.resolve("data"));
        Path reportFile = work.resolve("report.jsonl");
        Run run = importCommand("--dry-run", "--report", reportFile.toString(), DEV_CORPUS.toString(),
                "--privacy-mailbox.data-dir=" + data);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dry run: 30 read, 30 would index");
        try (Stream<Path> written = Files.list(data)) {
            assertThat(written.toList()).as("data directory after a dry run").isEmpty();
        }
        Map<String, JsonNode> labels = new HashMap<>();
        for (String line : Files.readAllLines(DEV_CORPUS.resolve("labels.jsonl"))) {
            JsonNode label = json.readTree(line);
            labels.put(label.get("id").asString(), label);
        }
        List<JsonNode> lines = report(reportFile);
        assertThat(lines).hasSize(30);
        for (JsonNode line : lines) {
            assertThat(fieldNames(line)).isEqualTo(REPORT_FIELDS);
            String id = Path.of(line.get("source").asString()).getFileName().toString().replace(".eml", "");
            JsonNode label = labels.get(id);
            assertThat(line.get("error").isNull()).isTrue();
            assertThat(line.get("acknowledge").asBoolean()).as("acknowledge " + id).isEqualTo(label.get("ack").asBoolean());
            assertThat(line.get("language").asString()).as("language " + id).isEqualTo(label.get("lang").asString());
            List<String> expectedIds = new ArrayList<>();
            label.get("ids").forEach(pair -> expectedIds.add(pair.get(0).asString() + " " + maskedAsDocumented(pair.get(1).asString())));
            List<String> reportedIds = new ArrayList<>();
            line.get("identifiers").forEach(identifier -> {
                assertThat(fieldNames(identifier)).containsExactly("type", "masked");
                reportedIds.add(identifier.get("type").asString() + " " + identifier.get("masked").asString());
            });
            assertThat(reportedIds).as("identifiers " + id).containsExactlyInAnyOrderElementsOf(expectedIds);
            line.get("attachments").forEach(attachment ->
                    assertThat(fieldNames(attachment)).containsExactly("name", "contentType", "chars", "note"));
            String topic = line.get("topic").asString();
            assertThat(topic).isIn("privacy", "billing", "other", "automated");
            assertThat(line.get("queue").isNull()).isEqualTo(topic.equals("automated"));
        }
    }

    /** The documented masking: the date part as written, every later digit or letter a star, separators kept. */
    private static String maskedAsDocumented(String value) {
        int dateDigits = value.matches("\\d{8}.*") && value.replaceAll("\\D", "").length() == 12 ? 8 : 6;
        StringBuilder masked = new StringBuilder();
        int digits = 0;
        for (char c : value.toCharArray()) {
            if (digits < dateDigits && Character.isDigit(c)) {
                digits++;
                masked.append(c);
            } else {
                masked.append(Character.isLetterOrDigit(c) ? '*' : c);
            }
        }
        return masked.toString();
    }

    @Test
    void importOfAnMboxIndexesEachMessageOnceAndAcknowledgesNone() throws Exception {
        Path mbox = work.resolve("export.mbox");
        Files.writeString(mbox, """
                From kirsten@example.dk Mon Mar  4 10:00:00 2024
                From: Kirsten Madsen <kirsten@example.dk>
                To: nordic.dataprivacy@example.com
                Subject: Sletning af mine data
                Message-ID: <m1@example.dk>
                Content-Type: text/plain; charset=utf-8

                Jeg vil gerne have slettet mine oplysninger. Mit CPR er 010180-4321.
                >From the start I never agreed.

                From ole@example.no Tue Mar  5 11:00:00 2024
                From: Ole Hansen <ole@example.no>
                To: nordic.dataprivacy@example.com
                Subject: Faktura
                Message-ID: <m2@example.no>

                Hvorfor har jeg fått to fakturaer denne måneden? Beløpet er trukket to ganger.

                From MAILER-DAEMON Wed Mar  6 12:00:00 2024
                From: Mail Delivery System <MAILER-DAEMON@example.net>
                To: nordic.dataprivacy@example.com
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <m3@example.net>

                This is the mail system. Your message could not be delivered.
                """, StandardCharsets.UTF_8);
        Path data = work.resolve("data");
        int smtpPort = TestMail.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        try {
            Path reportFile = work.resolve("report.jsonl");
            String[] args = {"--report", reportFile.toString(), mbox.toString(), "--privacy-mailbox.data-dir=" + data,
                    "--privacy-mailbox.smtp.port=" + smtpPort};
            Run first = importCommand(args);
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("3 read, 3 indexed, 0 skipped");
            List<JsonNode> lines = report(reportFile);
            assertThat(lines).extracting(line -> line.get("source").asString())
                    .containsExactly(mbox + "#1", mbox + "#2", mbox + "#3");
            assertThat(lines.get(0).get("topic").asString()).isEqualTo("privacy");
            assertThat(lines.get(0).get("identifiers").get(0).get("masked").asString()).isEqualTo("010180-****");
            assertThat(lines.get(1).get("topic").asString()).isEqualTo("billing");
            assertThat(lines.get(1).get("language").asString()).isEqualTo("no");
            assertThat(lines.get(2).get("topic").asString()).isEqualTo("automated");
            assertThat(lines).extracting(line -> line.get("acknowledge").asBoolean()).containsExactly(true, true, false);

            Run second = importCommand(args);
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(second.out()).contains("3 read, 0 indexed, 3 skipped (already imported)");
            assertThat(report(reportFile)).hasSize(3);

            assertThat(smtp.getReceivedMessages()).as("acknowledgements sent for imported mail").isEmpty();
        } finally {
            smtp.stop();
        }
        Map<String, List<String>> queued = BrokerJournal.queued(data.resolve("broker"));
        assertThat(queued.get("privacy.inquiries")).as("sent once, though imported twice").singleElement()
                .satisfies(json -> assertThat(json).contains("<m1@example.dk>", "010180-****").doesNotContain("4321"));
        assertThat(queued.get("billing.inquiries")).singleElement().satisfies(json -> assertThat(json).contains("<m2@example.no>"));
        assertThat(queued.get("general.inquiries")).as("the bounce goes to no queue").isEmpty();
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(data.resolve("index")))) {
            IndexSearcher searcher = new IndexSearcher(reader);
            assertThat(reader.numDocs()).isEqualTo(3);
            assertThat(searcher.count(new TermQuery(new Term("body", "fakturaer")))).isEqualTo(1);
            assertThat(searcher.count(new TermQuery(new Term("body", "4321")))).as("identity number digits in the index").isZero();
            assertThat(searcher.count(new TermQuery(new Term("body", "from")))).as(">From unquoted").isEqualTo(1);
        }
    }

    private Path oneInquiry() throws IOException {
        Path eml = work.resolve("one.eml");
        Files.writeString(eml, "From: a@example.dk\r\nSubject: Indsigt\r\nMessage-ID: <retry@example.dk>\r\n\r\n"
                + "Jeg beder om indsigt i mine oplysninger.\r\n");
        return eml;
    }

    /** With a broker nobody listens on: the run's checkpoint cannot send its queue messages. */
    private Run importWithTheQueueDown(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.artemis.mode=native");
        all.add("--spring.artemis.broker-url=tcp://127.0.0.1:" + TestMail.freePort());
        return importCommand(all.toArray(String[]::new));
    }

    /** The bodies of the messages on {@code queue} in the data directory's broker journal. */
    private static List<String> queued(Path data, String queue) throws Exception {
        return BrokerJournal.queued(data.resolve("broker")).get(queue);
    }

    @Test
    void messageThatCannotBeQueuedNowStopsTheRunAndIsImportedAndQueuedByTheNextRun() throws Exception {
        Path eml = oneInquiry();
        Path data = work.resolve("data");
        Run down = importWithTheQueueDown(eml.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(down.exitCode()).as(down.err()).isEqualTo(1);
        assertThat(down.err()).contains("stopped after 1 messages", "could not be sent", "nothing is lost, run the import again");

        Run up = importCommand(eml.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).as("the case was opened and routed by the failed run, but never completed")
                .contains("1 read, 1 indexed, 0 skipped");
        assertThat(queued(data, "privacy.inquiries")).singleElement()
                .satisfies(json -> assertThat(json).contains("\"subject\":\"Indsigt\"", "DPO-"));
    }

    @Test
    void aCaseLeftUnfinishedIsIndexedAgainThoughItsIndexingReachedTheLedgerAndItsDocumentNotTheIndex() throws Exception {
        Path eml = oneInquiry();
        Path data = work.resolve("data");
        // indexed, then the queue is down: the case is left unfinished with its indexing recorded
        Run down = importWithTheQueueDown(eml.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(down.exitCode()).as(down.err()).isEqualTo(1);
        // what a crash leaves when the ledger's sync took the indexing line before the checkpoint synced the document
        try (Stream<Path> files = Files.walk(data.resolve("index"))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        Files.deleteIfExists(data.resolve("index.translog"));

        Run again = importCommand(eml.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 read, 1 indexed, 0 skipped");
        try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(data.resolve("index")))) {
            assertThat(new IndexSearcher(reader).count(new TermQuery(new Term("body", "indsigt")))).isEqualTo(1);
        }
    }

    @Test
    void mailImportedBeforeASourceBreaksOffIsSkippedByTheNextRun() throws Exception {
        Path eml = oneInquiry();
        Path whole = work.resolve("whole.mbox.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write("From x Mon Jan  1 00:00:00 2024\nFrom: d@example.de\nSubject: Auskunft\n\nWelche Daten haben Sie?\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path cut = work.resolve("cut.mbox.gz");
        Files.write(cut, Arrays.copyOf(Files.readAllBytes(whole), 20));
        Path data = work.resolve("data");

        Run stopped = importCommand(eml.toString(), cut.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(stopped.exitCode()).as(stopped.err()).isEqualTo(1);
        assertThat(stopped.err()).contains("stopped reading the sources after 1 messages");

        Run again = importCommand(eml.toString(), "--privacy-mailbox.data-dir=" + data);
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("1 read, 0 indexed, 1 skipped (already imported)");
    }

    @Test
    void maildirsAndGzippedMboxesAreRead() throws Exception {
        Path maildir = work.resolve("Maildir");
        for (String folder : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(folder));
        }
        Files.writeString(maildir.resolve("cur/1700000000.M1.host:2,S"), "From: a@example.se\r\nSubject: Fråga\r\n\r\nVad gör ni med mina uppgifter?\r\n");
        Files.writeString(maildir.resolve("new/1700000001.M2.host"), "From: b@example.fi\r\nSubject: Kysymys\r\n\r\nMitä tiedoilleni tapahtuu?\r\n");
        Files.writeString(maildir.resolve("tmp/1700000002.M3.host"), "From: c@example.dk\r\nSubject: halvt leveret\r\n\r\nx\r\n");
        Files.writeString(maildir.resolve("dovecot-uidlist"), "3 V1 N4\n");
        Path gz = work.resolve("old.mbox.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("From x Mon Jan  1 00:00:00 2024\nFrom: d@example.de\nSubject: Auskunft\n\nWelche Daten haben Sie über mich?\n"
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path reportFile = work.resolve("r.jsonl");
        Run run = importCommand("--dry-run", "--report=" + reportFile, maildir.toString(), gz.toString(),
                "--privacy-mailbox.data-dir=" + work.resolve("data"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(report(reportFile)).extracting(line -> line.get("language").asString()).containsExactlyInAnyOrder("sv", "fi", "de");
        assertThat(report(reportFile)).extracting(line -> line.get("source").asString())
                .noneMatch(source -> source.contains("1700000002") || source.contains("dovecot"));
    }

    @Test
    void usageErrorsAndUnreadablePathsExitWithOneClearLine() {
        Run none = importCommand();
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).startsWith("privacy-mailbox import: no PATH given").contains(ImportCommand.USAGE);
        Run missing = importCommand(work.resolve("nowhere.mbox").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).isEqualTo("privacy-mailbox import: cannot read " + work.resolve("nowhere.mbox") + ": no such file or directory");
        Run unknown = importCommand("--fast", work.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("privacy-mailbox import: unknown option --fast");
        Run threads = importCommand("--threads", "0", work.toString());
        assertThat(threads.exitCode()).isEqualTo(2);
        assertThat(threads.err()).startsWith("privacy-mailbox import: --threads needs a number from 1 to 64");
        Run report = importCommand("--report", work.resolve("no/such/dir/r.jsonl").toString(), work.toString());
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).startsWith("privacy-mailbox import: cannot write the report");
    }
}
