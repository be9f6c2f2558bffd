package org.privacymailbox.benchmark;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.privacymailbox.Dovecot;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.privacymailbox.cases.MailKey;
import org.privacymailbox.indexing.MailIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End to end (scripts/benchmark end-to-end): mails delivered to a local Dovecot, polled, read, classified, indexed,
 * routed to the queue and acknowledged to a local SMTP server. First a burst (all at once: the rate the service
 * sustains), then a steady delivery at a given rate (the time from delivery to searchable, p50 and p99).
 */
public final class EndToEndBenchmark {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        // a service runs for weeks: its first minutes, while the JIT compiler is busy, are not what it sustains
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        if (mails < 1 || rate < 1 || warmUp < 0) {
            throw new IllegalArgumentException("usage: EndToEndBenchmark [MAILS ≥ 1] [RATE ≥ 1] [WARM-UP MAILS ≥ 0]");
        }
        Path work = Files.createTempDirectory("end-to-end");
        GreenMail smtp = new GreenMail(new ServerSetup(TestMail.freePort(), "127.0.0.1", "smtp"));
        smtp.start();
        Dovecot dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret");
        List<String> settings = new ArrayList<>(dovecot.serviceSettings());
        settings.addAll(List.of("--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.poll-interval=100ms",
                "--privacy-mailbox.acknowledgement.max-per-minute=1000000",
                "--privacy-mailbox.smtp.port=" + smtp.getSmtp().getPort(),
                "--logging.level.root=WARN",
                "--server.port=0"));
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(settings.toArray(String[]::new))) {
            MailIndex index = service.getBean(MailIndex.class);
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", dovecot.port(), MAILBOX, "secret");
            Folder inbox = store.getFolder("INBOX");

            Map<String, Long> warming = new LinkedHashMap<>();
            List<MimeMessage> warmUpMails = new ArrayList<>();
            for (int i = 0; i < warmUp; i++) {
                warmUpMails.add(mail("warm-up", i));
                warming.put(id("warm-up", i), System.nanoTime());
            }
            appendAll(inbox, warmUpMails);
            awaitSearchable(index, warming);
            awaitAcknowledgements(smtp, warmUp);

            // burst: everything delivered at once; the rate is from first delivery to last acknowledgement
            Map<String, Long> delivered = new LinkedHashMap<>();
            List<MimeMessage> burst = new ArrayList<>();
            for (int i = 0; i < mails; i++) {
                burst.add(mail("burst", i));
            }
            long burstStart = System.nanoTime();
            appendAll(inbox, burst);
            long appended = System.nanoTime();
            for (int i = 0; i < mails; i++) {
                delivered.put(id("burst", i), burstStart);
            }
            Map<String, Long> searchable = awaitSearchable(index, delivered);
            awaitAcknowledgements(smtp, warmUp + mails);
            double burstSeconds = (System.nanoTime() - burstStart) / 1e9;

            // steady: delivered at the given rate, one APPEND at a time; latency from each APPEND to searchable
            Map<String, Long> steady = new ConcurrentHashMap<>();
            Map<String, Long> steadySearchable = new ConcurrentHashMap<>();
            Thread watcher = new Thread(() -> {
                try {
                    steadySearchable.putAll(awaitSearchable(index, steady, mails));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            watcher.start();
            long steadyStart = System.nanoTime();
            for (int i = 0; i < mails; i++) {
                long due = steadyStart + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                inbox.appendMessages(new MimeMessage[] {mail("steady", i)});
                steady.put(id("steady", i), System.nanoTime());
            }
            double offered = mails / ((System.nanoTime() - steadyStart) / 1e9);
            watcher.join();
            awaitAcknowledgements(smtp, warmUp + 2 * mails);
            store.close();

            long[] latencies = steadySearchable.entrySet().stream().mapToLong(e -> e.getValue() - steady.get(e.getKey())).sorted().toArray();
            System.out.printf(Locale.ROOT, "end to end (Dovecot → queue → acknowledgement), after a warm-up of %d mails%n", warmUp);
            System.out.printf(Locale.ROOT, "  burst of %d mails: delivered in %.1f s, all searchable and acknowledged after %.1f s: %.0f mails/s%n",
                    mails, (appended - burstStart) / 1e9, burstSeconds, mails / burstSeconds);
            System.out.printf(Locale.ROOT, "  steady delivery of %d mails at %.0f mails/s: delivery to searchable p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    mails, offered, percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6, latencies[latencies.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  acknowledgements received: %d of %d%n", smtp.getReceivedMessages().length, warmUp + 2 * mails);
            if (searchable.size() != mails) {
                System.out.println("  not all burst mails became searchable: " + searchable.size());
            }
        } finally {
            dovecot.close();
            smtp.stop();
        }
    }

    /** Two hundred at a time: one APPEND command each for many mails, as a busy delivery agent would. */
    private static void appendAll(Folder inbox, List<MimeMessage> mails) throws Exception {
        for (int from = 0; from < mails.size(); from += 200) {
            inbox.appendMessages(mails.subList(from, Math.min(mails.size(), from + 200)).toArray(MimeMessage[]::new));
        }
    }

    private static String id(String run, int number) {
        return "<" + run + "-" + number + "@e2e.invalid>";
    }

    private static MimeMessage mail(String run, int number) throws Exception {
        String text = number % 3 == 0
                ? "Hej, jeg har fået faktura " + (40_000_000 + number) + " to gange og betalt den første. Hvornår får jeg pengene tilbage?"
                : "Hej, jeg beder om indsigt i alle de oplysninger, I har om mig efter jeres brud på datasikkerheden. Sag " + number + ".";
        return TestMail.withText(TestMail.message("kunde" + number + "-" + run + "@example.dk", MAILBOX, "Henvendelse " + number, id(run, number)), text);
    }

    private static Map<String, Long> awaitSearchable(MailIndex index, Map<String, Long> delivered) throws Exception {
        return awaitSearchable(index, delivered, delivered.size());
    }

    /** Watches the index for the delivered mails, in delivery order, until {@code expected} are searchable. */
    private static Map<String, Long> awaitSearchable(MailIndex index, Map<String, Long> delivered, int expected) throws Exception {
        Map<String, Long> searchable = new LinkedHashMap<>();
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (searchable.size() < expected && System.nanoTime() < deadline) {
            int looked = 0;
            for (Iterator<String> ids = new ArrayList<>(delivered.keySet()).iterator(); ids.hasNext() && looked < 400; ) {
                String id = ids.next();
                if (searchable.containsKey(id)) {
                    continue;
                }
                looked++;
                if (index.findByMailKey(MailKey.of(id, null)).isPresent()) {
                    searchable.put(id, System.nanoTime());
                }
            }
            Thread.sleep(10);
        }
        return searchable;
    }

    private static void awaitAcknowledgements(GreenMail smtp, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (smtp.getReceivedMessages().length < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
