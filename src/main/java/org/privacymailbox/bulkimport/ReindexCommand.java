package org.privacymailbox.bulkimport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.cases.CaseOpener;
import org.privacymailbox.cases.CaseStatus;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.UnreadableMailException;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.MailIndexer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code privacy-mailbox reindex}: rebuilds the search index from the raw archive, the source of truth, e.g. after
 * an upgrade of the analyzers or the vocabulary. Each mail keeps its case (the ledger knows it) and its status.
 * The service must be stopped: the index admits one writer.
 */
public final class ReindexCommand {

    private ReindexCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else {
                err.println("privacy-mailbox reindex: unexpected argument " + arg);
                err.println("usage: java -jar privacy-mailbox.jar reindex [--privacy-mailbox.data-dir=DIR]");
                return 2;
            }
        }
        ConfigurableApplicationContext context;
        try {
            context = PrivacyMailboxApplication.commandContext(false, settings);
        } catch (RuntimeException e) {
            err.println("privacy-mailbox reindex: cannot start (" + rootCause(e) + "); is the service still running on this data directory?");
            return 1;
        }
        try (context) {
            return reindex(context, out, err);
        } catch (Exception e) {
            err.println("privacy-mailbox reindex: stopped: " + rootCause(e));
            return 1;
        }
    }

    private static int reindex(ConfigurableApplicationContext context, PrintStream out, PrintStream err) throws Exception {
        RawArchive archive = context.getBean(RawArchive.class);
        MailIndex index = context.getBean(MailIndex.class);
        CaseOpener opener = context.getBean(CaseOpener.class);
        MailParser parser = context.getBean(MailParser.class);
        InquiryClassifier classifier = context.getBean(InquiryClassifier.class);
        MailIndexer indexer = context.getBean(MailIndexer.class);
        CaseStatus status = context.getBean(CaseStatus.class);
        List<String> mails = archive.list();
        ImportProgress progress = new ImportProgress(err, ImportProgress.onTerminal(), mails.size());
        index.deleteAll();
        int indexed = 0;
        int unreadable = 0;
        Set<String> cases = new LinkedHashSet<>();
        for (int i = 0; i < mails.size(); i++) {
            ArchivedMail archived = archive.read(mails.get(i)).orElse(null);
            if (archived != null) {
                try {
                    Inquiry inquiry = indexer.index(classifier.classify(parser.parse(opener.open(archived))));
                    cases.add(inquiry.caseReference());
                    indexed++;
                } catch (UnreadableMailException | RuntimeException e) {
                    unreadable++; // as in the mailbox: such a mail is in quarantine, not in the index
                }
            }
            progress.mailDone(i + 1);
        }
        for (String reference : cases) {
            if (CaseStatus.ANSWERED.equals(status.of(reference))) {
                index.setCaseStatus(reference, true);
            }
        }
        progress.finish();
        out.printf("reindexed %d of %d archived mails (%d unreadable, left out) in %.1f s%n", indexed, mails.size(), unreadable,
                progress.seconds());
        return 0;
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse(""));
    }
}
