package org.privacymailbox.benchmark;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.CamelContext;
import org.privacymailbox.Dovecot;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.TestMail;
import org.privacymailbox.cases.MailKey;
import org.privacymailbox.indexing.MailIndex;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * End to end (scripts/benchmark end-to-end): mails delivered to a local Dovecot, polled, read, classified, indexed,
 * routed to the queue and acknowledged to a local SMTP server. First a burst (all at once, while the service polls),
 * then a backlog (delivered while the mailbox was not polled: the rate the service sustains on its own), then a steady
 * delivery at a given rate (the time from delivery to the acknowledgement, which leaves once the mail is searchable:
 * p50 and p99).
 */
public final class EndToEndBenchmark {

    private static final String MAILBOX = "nordic.dataprivacy@example.com";

    private static final int WARM_UP_ROUND = 500;
    /** Compiling for less than a tenth of a round's time: what is left of the warm-up is noise on two cores. */
    private static final double QUIET_COMPILER = 0.1;
    /**
     * A service runs for months; the goal is about the service warmed up. After 10,000 mails the compilers still took
     * 61 % of a round's time and the burst ran at 259 mails/s; after 20,000 they took 13 % and it ran at 418.
     */
    private static final int MAX_WARM_UP = 30_000;

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int mails = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        // a service runs for weeks: its first minutes, while the JIT compiler is busy, are not what it sustains. At
        // least this many mails, then on until the compiler is quiet (0: no warm-up at all)
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        if (mails < 1 || rate < 1 || warmUp < 0) {
            throw new IllegalArgumentException("usage: EndToEndBenchmark [MAILS ≥ 1] [RATE ≥ 1] [WARM-UP MAILS ≥ 0]");
        }
        Path work = Files.createTempDirectory("end-to-end");
        SmtpSink smtp = new SmtpSink();
        Dovecot dovecot = Dovecot.start(work.resolve("dovecot"), MAILBOX, "secret");
        List<String> settings = new ArrayList<>(dovecot.serviceSettings());
        settings.addAll(List.of("--privacy-mailbox.data-dir=" + work.resolve("data"),
                "--privacy-mailbox.mailbox.poll-interval=100ms",
                "--privacy-mailbox.acknowledgement.max-per-minute=1000000",
                "--privacy-mailbox.smtp.port=" + smtp.port(),
                "--logging.level.root=WARN",
                "--server.port=0"));
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(PrivacyMailboxApplication.class).run(settings.toArray(String[]::new))) {
            MailIndex index = service.getBean(MailIndex.class);
            Store store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", dovecot.port(), MAILBOX, "secret");
            Folder inbox = store.getFolder("INBOX");

            // in rounds until the JIT compiler is quiet: after 1,000 mails it still compiled for as long as a burst
            // took, on two cores half the machine, and was not quiet before several thousand
            int warmed = 0;
            double compilingShare = 1;
            while (warmUp > 0 && (warmed < warmUp || compilingShare >= QUIET_COMPILER && warmed < MAX_WARM_UP)) {
                long compiling = compilingMillis();
                long roundStart = System.nanoTime();
                long indexed = index.count();
                appendAll(inbox, mails("warm-up", warmed, WARM_UP_ROUND));
                awaitCount(index, indexed + WARM_UP_ROUND);
                warmed += WARM_UP_ROUND;
                awaitAcknowledgements(smtp, warmed);
                compilingShare = (compilingMillis() - compiling) / ((System.nanoTime() - roundStart) / 1e6);
            }

            // burst: everything delivered at once; the rate is from first delivery to last acknowledgement
            List<MimeMessage> burstMails = mails("burst", 0, mails);
            Phase burst = takeIn(index, smtp, "burst", mails, warmed + mails, () -> appendAll(inbox, burstMails));

            // backlog: mail that piled up while the mailbox was not polled (a restart, an outage), taken in as fast as
            // the service can, without the delivery competing for the same cores
            CamelContext camel = service.getBean(CamelContext.class);
            camel.getRouteController().stopRoute("mailbox-intake");
            appendAll(inbox, mails("backlog", 0, mails));
            Phase backlog = takeIn(index, smtp, "backlog", mails, warmed + 2 * mails,
                    () -> camel.getRouteController().startRoute("mailbox-intake"));

            // steady: delivered at the given rate, one APPEND at a time; latency from each APPEND to its acknowledgement.
            // The acknowledgement leaves after the mail is indexed, and every search first opens what was indexed, so
            // by then the mail was searchable. Looking each mail up instead, every 10 ms, reopened the index's reader
            // whenever a mail had been added since the lookup before, load no user makes: at about 250 mails/s that
            // measured p50 2.0 s and p99 7.1 s, where the acknowledgements measured 157 ms and 342 ms
            Map<String, Long> steady = new LinkedHashMap<>();
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
            awaitAcknowledgements(smtp, warmed + 3 * mails);
            store.close();
            int steadySearchable = searchable(index, steady.keySet());

            long[] latencies = steady.entrySet().stream().filter(e -> smtp.repliedAt(e.getKey()) != null)
                    .mapToLong(e -> smtp.repliedAt(e.getKey()) - e.getValue()).sorted().toArray();
            System.out.printf(Locale.ROOT, "end to end (Dovecot → queue → acknowledgement), %s%n", warmed == 0 ? "without a warm-up"
                    : String.format(Locale.ROOT, "after a warm-up of %d mails (JIT compiling %.0f %% of its last round's time)", warmed, 100 * compilingShare));
            System.out.printf(Locale.ROOT, "  burst of %d mails: delivered in %.1f s, all searchable after %.1f s, all acknowledged after %.1f s: %.0f mails/s (JIT compiling %.1f s of it)%n",
                    mails, burst.startSeconds(), burst.searchableSeconds(), burst.seconds(), mails / burst.seconds(), burst.compilingSeconds());
            System.out.printf(Locale.ROOT, "  backlog of %d mails delivered while the mailbox was not polled: all searchable %.1f s, all acknowledged %.1f s after polling began: %.0f mails/s (JIT compiling %.1f s of it)%n",
                    mails, backlog.searchableSeconds(), backlog.seconds(), mails / backlog.seconds(), backlog.compilingSeconds());
            System.out.printf(Locale.ROOT, "  steady delivery of %d mails at %.0f mails/s: delivery to acknowledged (searchable before that) p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    mails, offered, percentile(latencies, 50) / 1e6, percentile(latencies, 99) / 1e6, latencies[latencies.length - 1] / 1e6);
            System.out.printf(Locale.ROOT, "  acknowledgements received: %d of %d%n", smtp.received(), warmed + 3 * mails);
            if (burst.searchable() != mails || backlog.searchable() != mails || steadySearchable != mails || latencies.length != mails) {
                System.out.println("  not all mails became searchable or were acknowledged: burst " + burst.searchable() + ", backlog "
                        + backlog.searchable() + ", steady " + steadySearchable + " searchable and " + latencies.length + " acknowledged");
            }
        } finally {
            dovecot.close();
            smtp.close();
        }
        // the embedded broker's in-VM connector threads are not daemons and outlive it by a minute
        System.exit(0);
    }

    /** Two hundred at a time: one APPEND command each for many mails, as a busy delivery agent would. */
    private static void appendAll(Folder inbox, List<MimeMessage> mails) throws Exception {
        for (int from = 0; from < mails.size(); from += 200) {
            inbox.appendMessages(mails.subList(from, Math.min(mails.size(), from + 200)).toArray(MimeMessage[]::new));
        }
    }

    /**
     * A phase's figures: how long its start took, how long until all was searchable, until all was acknowledged too,
     * and compiling.
     */
    private record Phase(double startSeconds, double searchableSeconds, double seconds, double compilingSeconds, int searchable) {
    }

    private interface PhaseStart {
        void run() throws Exception;
    }

    /**
     * Times one phase from {@code start} (delivering, or polling again) until its mails are searchable and the
     * acknowledgements counted so far, {@code acknowledgements}, have arrived.
     */
    private static Phase takeIn(MailIndex index, SmtpSink smtp, String run, int mails, int acknowledgements, PhaseStart start)
            throws Exception {
        long compiling = compilingMillis();
        long indexed = index.count();
        long began = System.nanoTime();
        start.run();
        long started = System.nanoTime();
        awaitCount(index, indexed + mails);
        long indexedAll = System.nanoTime();
        awaitAcknowledgements(smtp, acknowledgements);
        long ended = System.nanoTime();
        double compiled = (compilingMillis() - compiling) / 1e3;
        int searchable = searchable(index, ids(run, mails));
        return new Phase((started - began) / 1e9, (indexedAll - began) / 1e9, (ended - began) / 1e9, compiled, searchable);
    }

    /**
     * For a rate, not a latency: one count of the index's documents ten times a second (each mail of these runs is
     * one document), each count one reopening of the index's reader. Looking up every mail not yet found instead (up
     * to 400 a look), as the steady phase once did, reopened the reader whenever a mail had been added since the lookup
     * before: during a burst many times a second, each time a segment of a few mails written and merged away, more
     * than any user of the search page costs the service. Which mails were found is checked one by one afterwards,
     * outside the time.
     */
    private static void awaitCount(MailIndex index, long documents) throws Exception {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (index.count() < documents && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static List<MimeMessage> mails(String run, int from, int count) throws Exception {
        List<MimeMessage> mails = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            mails.add(mail(run, i));
        }
        return mails;
    }

    /** The Message-IDs of a run's first {@code count} mails. */
    private static List<String> ids(String run, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(id(run, i));
        }
        return ids;
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

    /** How many of these mails the index finds, one lookup each: after a phase, outside its time. */
    private static int searchable(MailIndex index, Iterable<String> messageIds) throws Exception {
        int found = 0;
        for (String id : messageIds) {
            if (index.findByMailKey(MailKey.of(id, null)).isPresent()) {
                found++;
            }
        }
        return found;
    }

    private static void awaitAcknowledgements(SmtpSink smtp, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30L * 60 * 1_000_000_000;
        while (smtp.received() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Time the JIT compiler threads spent compiling so far: on two cores, time the service did not have. */
    private static long compilingMillis() {
        CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : 0;
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
