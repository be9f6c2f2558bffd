package org.privacymailbox.bulkimport;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.cases.Stage;
import org.privacymailbox.quarantine.QuarantineRecord;

/**
 * Sends each message through the same stages as mail from the mailbox (route {@code mail-import}: archive, case,
 * extraction, classification, index, queue), never the acknowledgement; its case is completed later, at a checkpoint
 * ({@link Completions}). {@code dryRun} only analyses in memory.
 */
final class MailImporter {

    enum Outcome { INDEXED, SKIPPED, QUARANTINED, FAILED }

    /** {@code toComplete}: the case the import records as completed at its next checkpoint, or null. */
    record Result(Outcome outcome, ReportLine line, CaseFile toComplete) {

        Result(Outcome outcome, ReportLine line) {
            this(outcome, line, null);
        }
    }

    private final ProducerTemplate template;
    private final MailAnalysis analysis;

    /** {@code template} is null for a dry run. */
    MailImporter(ProducerTemplate template, MailAnalysis analysis) {
        this.template = template;
        this.analysis = analysis;
    }

    Result importMail(SourcedMail mail) {
        if (template == null) {
            ReportLine line = analyseSafely(mail, null);
            return new Result(line.error() == null ? Outcome.INDEXED : Outcome.QUARANTINED, line);
        }
        Exchange exchange = template.send("direct:import", e -> e.getIn().setBody(mail.raw()));
        if (exchange.getException() != null) {
            // a dependency was down (disk, broker): nothing was set aside, and a new run imports the message
            String reason = "not imported, run the import again: " + rootCause(exchange.getException()).getClass().getSimpleName();
            return new Result(Outcome.FAILED, analyseSafely(mail, reason));
        }
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        if (caught != null) {
            Object body = exchange.getMessage().getBody();
            String reason = "quarantined: " + (body instanceof QuarantineRecord record ? record.reason() : caught.getClass().getSimpleName());
            return new Result(Outcome.QUARANTINED, analyseSafely(mail, reason));
        }
        Inquiry inquiry = exchange.getMessage().getBody(Inquiry.class);
        if (inquiry != null && inquiry.classification() != null) {
            return new Result(Outcome.INDEXED, analysis.describe(mail.source(), inquiry.mail(), inquiry.classification()),
                    inquiry.caseFile().isDone(Stage.COMPLETED) ? null : inquiry.caseFile());
        }
        return new Result(Outcome.SKIPPED, analyseSafely(mail, null));
    }

    /** Camel wraps an Error (out of memory) in its own exception: the Error is what the report should name. */
    static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The report fields for a message, with {@code error} set when given; a message that cannot be read says why. */
    private ReportLine analyseSafely(SourcedMail mail, String error) {
        ReportLine line;
        try {
            line = analysis.analyse(mail);
        } catch (RuntimeException e) {
            // a parser bug: the mail is unread, and the report says so instead of stopping the import
            line = ReportLine.failed(mail.source(), null, "a parser failed: " + e.getClass().getSimpleName());
        }
        return error == null ? line : line.withError(error);
    }
}
