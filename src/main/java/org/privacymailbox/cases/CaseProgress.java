package org.privacymailbox.cases;

import java.io.IOException;
import java.util.List;

/** Records in the ledger that a stage is done for an inquiry, and hands the inquiry on with that knowledge. */
public class CaseProgress {

    private final CaseLedger ledger;
    private final AttemptCounter attempts;
    private final int maxAttempts;

    public CaseProgress(CaseLedger ledger) {
        this(ledger, null, Integer.MAX_VALUE);
    }

    public CaseProgress(CaseLedger ledger, AttemptCounter attempts, int maxAttempts) {
        this.ledger = ledger;
        this.attempts = attempts;
        this.maxAttempts = maxAttempts;
    }

    /** Counts an attempt at processing the mail; refuses one more than allowed, so that the mail is set aside. */
    public Inquiry beginAttempt(Inquiry inquiry) throws IOException, TooManyAttemptsException {
        if (attempts != null) {
            int attempt = attempts.begin(inquiry.caseFile().mailKey());
            if (attempt > maxAttempts) {
                attempts.end(inquiry.caseFile().mailKey());
                throw new TooManyAttemptsException(attempt - 1);
            }
        }
        return inquiry;
    }

    /** The attempt ended: done, quarantined, or left for later because something we depend on was down. */
    public void endAttempt(Inquiry inquiry) throws IOException {
        if (attempts != null && inquiry != null) {
            attempts.end(inquiry.caseFile().mailKey());
        }
    }

    public Inquiry done(Inquiry inquiry, String stage) throws IOException {
        return inquiry.withCaseFile(ledger.markDone(inquiry.caseFile(), Stage.valueOf(stage)));
    }

    /**
     * For a bulk import, whose index documents wait for a checkpoint: a case not completed is indexed again, since
     * its INDEXED line may have reached the disk with a later sync of the ledger while its document, in another
     * file, did not. Indexing again replaces the document by its mail key, so nothing is doubled.
     */
    public Inquiry indexAgainUnlessCompleted(Inquiry inquiry) {
        CaseFile caseFile = inquiry.caseFile();
        if (caseFile.isDone(Stage.INDEXED) && !caseFile.isDone(Stage.COMPLETED)) {
            return inquiry.withCaseFile(caseFile.without(Stage.INDEXED));
        }
        return inquiry;
    }

    /** Records the stage as done for all the cases, made durable together: for a bulk import's checkpoint. */
    public void doneAll(List<CaseFile> caseFiles, Stage stage) throws IOException {
        ledger.markAllDone(caseFiles, stage);
    }

    /** Routing is done; {@code queue} (null for mail that goes nowhere) is kept so that follow-ups go the same way. */
    public Inquiry routed(Inquiry inquiry, String queue) throws IOException {
        return inquiry.withCaseFile(ledger.routed(inquiry.caseFile(), queue));
    }

    /** For the outbox: the case of a mail key, as recorded now. */
    public CaseFile current(String mailKey) throws IOException {
        return ledger.find(mailKey).orElseThrow(() -> new IOException("no case for " + mailKey));
    }

    /**
     * Claims the sending of a case's acknowledgement: false when it was sent, or when a send was started and may
     * have happened (a crash in between): at most once.
     */
    public boolean claimSending(String mailKey) throws IOException {
        CaseFile current = current(mailKey);
        if (current.isDone(Stage.ACKNOWLEDGEMENT_SENDING) || current.isDone(Stage.ACKNOWLEDGED)) {
            return false;
        }
        ledger.markDone(current, Stage.ACKNOWLEDGEMENT_SENDING);
        return true;
    }

    /** A send was claimed and never confirmed: the service stopped in the middle of the SMTP conversation. */
    public boolean interruptedSend(String mailKey) throws IOException {
        CaseFile current = current(mailKey);
        return current.isDone(Stage.ACKNOWLEDGEMENT_SENDING) && !current.isDone(Stage.ACKNOWLEDGED);
    }

    public void sent(String mailKey) throws IOException {
        ledger.markDone(current(mailKey), Stage.ACKNOWLEDGED);
    }

    /** The SMTP server refused or could not be reached: certainly not sent, so the next attempt may send it. */
    public void notSent(String mailKey) throws IOException {
        if (mailKey == null) {
            return;
        }
        CaseFile current = current(mailKey);
        if (current.isDone(Stage.ACKNOWLEDGEMENT_SENDING) && !current.isDone(Stage.ACKNOWLEDGED)) {
            ledger.unmark(current, Stage.ACKNOWLEDGEMENT_SENDING);
        }
    }
}
