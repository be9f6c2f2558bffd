package org.privacymailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.privacymailbox.TestMail.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.FileCaseLedger;
import org.privacymailbox.cases.MailKey;
import org.privacymailbox.cases.Stage;
import org.privacymailbox.indexing.LuceneMailIndex;

/**
 * The service as its own process, killed with SIGKILL at random moments while 500 mails flow through it, three
 * times, and started again each time. Afterwards every mail is filed once, indexed once, routed once, and its
 * customer has at most one acknowledgement; the only acknowledgements owed and not received are those whose send
 * was in flight when a kill came.
 */
class ServiceCrashTest {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";
    private static final int MAILS = 500;
    private static final Duration FLOW = Duration.ofMinutes(8);

    @TempDir
    Path work;

    private Process startService(Path data, Dovecot dovecot, int smtp) throws Exception {
        List<String> arguments = new ArrayList<>(dovecot.serviceSettings());
        arguments.addAll(List.of("--privacy-mailbox.data-dir=" + data,
                "--privacy-mailbox.mailbox.poll-interval=200ms",
                "--privacy-mailbox.acknowledgement.max-per-minute=100000",
                // a send refused around a kill is retried within the quiet period awaitNoMoreAcknowledgements waits for
                "--privacy-mailbox.acknowledgement.retry-delay=1s",
                "--privacy-mailbox.acknowledgement.retry-max-delay=2s",
                "--privacy-mailbox.smtp.port=" + smtp,
                "--server.port=0"));
        return new ProcessBuilder(ServiceProcess.command(ServiceProcess.currentJava(), arguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("service.log").toFile())).start();
    }

    private String serviceLog() throws java.io.IOException {
        String log = Files.readString(work.resolve("service.log"));
        return log.substring(Math.max(0, log.length() - 4000));
    }

    /** Whether this process has started; a kill that came before an earlier process logged anything leaves no line. */
    private boolean started(Process service) throws java.io.IOException {
        String ours = " " + service.pid() + " --- ";
        return Files.readAllLines(work.resolve("service.log")).stream()
                .anyMatch(line -> line.contains(ours) && line.contains("Started PrivacyMailboxApplication"));
    }

    /** The outbox has emptied when no acknowledgement arrived for longer than a retry waits. */
    private static void awaitNoMoreAcknowledgements(GreenMail smtp) throws InterruptedException {
        long deadline = System.nanoTime() + FLOW.toNanos();
        int received = -1;
        while (System.nanoTime() < deadline) {
            int now = smtp.getReceivedMessages().length;
            if (now == received) {
                return;
            }
            received = now;
            Thread.sleep(10_000);
        }
    }

    private static String messageId(int number) {
        return "<crash-" + number + "@example.fi>";
    }

    private static String customer(int number) {
        return "asiakas" + number + "@example.fi";
    }

    private static MimeMessage inquiry(int number) throws Exception {
        String text = number % 2 == 0
                ? "Hei, pyydän pääsyä kaikkiin minua koskeviin henkilötietoihin. Tapaus " + number + "."
                : "Hei, sain laskun 7700" + number + " kahteen kertaan ja maksoin jo ensimmäisen. Palauttakaa rahat.";
        return TestMail.withText(TestMail.message(customer(number), MAILBOX, "Kysymys " + number, messageId(number)), text);
    }

    private static int count(int imap, String folder) throws Exception {
        return TestMail.folder(imap, MAILBOX, "secret", folder).size();
    }

    private static Map<String, Integer> countById(List<MimeMessage> messages) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        for (MimeMessage message : messages) {
            counts.merge(message.getMessageID(), 1, Integer::sum);
        }
        return counts;
    }

    /** How often each mail (by Message-ID) was queued, on any topic queue. */
    private static Map<String, Integer> routed(Path broker) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (List<String> bodies : BrokerJournal.queued(broker).values()) {
            for (String body : bodies) {
                counts.merge(json.readTree(body).get("messageId").asText(), 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void killedThreeTimesWhileFiveHundredMailsFlowNothingIsLostOrDoneTwice() throws Exception {
        Assumptions.assumeTrue(Dovecot.installed(), "dovecot-imapd is not installed here");
        long seed = System.nanoTime();
        // printed first, so that a failure can be traced to its kill points
        System.out.println("ServiceCrashTest seed " + seed);
        Random random = new Random(seed);
        GreenMail smtp = new GreenMail(new ServerSetup(TestMail.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        Dovecot dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret");
        int imap = dovecot.port();
        Path data = work.resolve("data");
        try {
            List<MimeMessage> messages = new ArrayList<>();
            for (int i = 1; i <= MAILS; i++) {
                messages.add(inquiry(i));
            }
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", imap, MAILBOX, "secret");
            store.getFolder("INBOX").appendMessages(messages.toArray(MimeMessage[]::new));
            store.close();

            int[] killAt = {30 + random.nextInt(120), 180 + random.nextInt(120), 330 + random.nextInt(120)};
            for (int kill : killAt) {
                Process service = startService(data, dovecot, smtp.getSmtp().getPort());
                await(kill + " mails filed", FLOW, () -> {
                    assertThat(service.isAlive()).as("service running; its log: %s", serviceLog()).isTrue();
                    return count(imap, "Processed") + count(imap, "Quarantine") >= kill;
                });
                Thread.sleep(random.nextInt(400));
                service.descendants().forEach(ProcessHandle::destroyForcibly);
                service.destroyForcibly(); // SIGKILL
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            Process service = startService(data, dovecot, smtp.getSmtp().getPort());
            // the inbox may be empty before this start: the outbox still holds acknowledgements to send
            await("service started", FLOW, () -> {
                assertThat(service.isAlive()).as("service running; its log: %s", serviceLog()).isTrue();
                return started(service);
            });
            await("every mail filed", FLOW, () -> count(imap, "INBOX") == 0);
            awaitNoMoreAcknowledgements(smtp);
            service.destroy(); // SIGTERM: an orderly stop, so that the index and broker can be read
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();

            List<String> ids = new ArrayList<>();
            for (int i = 1; i <= MAILS; i++) {
                ids.add(messageId(i));
            }
            Map<String, Integer> filed = countById(TestMail.folder(imap, MAILBOX, "secret", "Processed"));
            Map<String, Integer> quarantined = countById(TestMail.folder(imap, MAILBOX, "secret", "Quarantine"));
            for (String id : ids) {
                assertThat(filed.getOrDefault(id, 0) + quarantined.getOrDefault(id, 0)).as(id + " filed exactly once").isEqualTo(1);
            }
            if (!quarantined.isEmpty()) {
                try (Stream<Path> records = Files.list(data.resolve("quarantine"))) {
                    assertThat(records.filter(path -> path.toString().endsWith(".json")).count())
                            .as("a recorded reason for each quarantined mail").isGreaterThanOrEqualTo(quarantined.size());
                }
            }

            try (FSDirectory directory = FSDirectory.open(data.resolve("index"));
                    LuceneMailIndex index = new LuceneMailIndex(directory, new StandardAnalyzer())) {
                for (String id : filed.keySet()) {
                    assertThat(index.findByMailKey(MailKey.of(id, null))).as(id + " indexed").isPresent();
                }
                // documents are replaced by mail key, so one per filed mail means none is there twice
                assertThat(index.count()).as("documents in the index").isEqualTo(filed.size());
            }

            Map<String, Integer> queued = routed(data.resolve("broker"));
            for (String id : filed.keySet()) {
                assertThat(queued.get(id)).as(id + " routed exactly once").isEqualTo(1);
            }

            Map<String, Integer> acknowledged = new HashMap<>();
            for (MimeMessage ack : smtp.getReceivedMessages()) {
                acknowledged.merge(ack.getHeader("In-Reply-To", null), 1, Integer::sum);
            }
            assertThat(acknowledged.values()).as("at most one acknowledgement per customer").allMatch(count -> count == 1);
            FileCaseLedger ledger = new FileCaseLedger(data.resolve("cases"), "DPO", Clock.systemUTC());
            TreeSet<String> inFlight = new TreeSet<>();
            TreeSet<String> lost = new TreeSet<>();
            for (String id : filed.keySet()) {
                CaseFile caseFile = ledger.find(MailKey.of(id, null)).orElseThrow();
                boolean sending = caseFile.isDone(Stage.ACKNOWLEDGEMENT_SENDING) && !caseFile.isDone(Stage.ACKNOWLEDGED);
                if (sending) {
                    inFlight.add(id);
                }
                if (!acknowledged.containsKey(id)) {
                    lost.add(id);
                }
            }
            System.out.printf("service killed at %d, %d, %d filed mails (seed %d): acknowledgements in flight at a kill %d, "
                    + "of which reached the customer %d; owed and not received %d%n", killAt[0], killAt[1], killAt[2], seed,
                    inFlight.size(), inFlight.stream().filter(acknowledged::containsKey).count(), lost.size());
            assertThat(inFlight).as("at most one send in flight per kill").hasSizeLessThanOrEqualTo(killAt.length);
            assertThat(lost).as("acknowledgements owed and lost other than those in flight at a kill").isSubsetOf(inFlight);
        } finally {
            ProcessHandle.current().descendants().filter(process -> process.info().command().orElse("").endsWith("java"))
                    .forEach(ProcessHandle::destroyForcibly);
            dovecot.close();
            smtp.stop();
            // the temporary directory goes with the test: the service's log (no mail content) is kept to explain a failure
            if (Files.exists(work.resolve("service.log"))) {
                Path kept = Path.of("target", "service-crash-test.log");
                Files.createDirectories(kept.getParent());
                Files.copy(work.resolve("service.log"), kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
