package org.privacymailbox.cases;

import java.io.IOException;

/** Records in the ledger that a stage is done for an inquiry, and hands the inquiry on with that knowledge. */
public class CaseProgress {

    private final CaseLedger ledger;

    public CaseProgress(CaseLedger ledger) {
        this.ledger = ledger;
    }

    public Inquiry done(Inquiry inquiry, String stage) throws IOException {
        return inquiry.withCaseFile(ledger.markDone(inquiry.caseFile(), Stage.valueOf(stage)));
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
