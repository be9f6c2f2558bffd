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

    /**
     * After a send failed, an acknowledgement that was claimed but not confirmed was certainly not sent; releasing
     * the claim lets the next attempt send it.
     */
    public Inquiry releaseUnsentAcknowledgement(Inquiry inquiry) throws IOException {
        if (inquiry == null) {
            return null;
        }
        CaseFile current = ledger.open(inquiry.caseFile().mailKey());
        if (current.isDone(Stage.ACKNOWLEDGEMENT_CLAIMED) && !current.isDone(Stage.ACKNOWLEDGED)) {
            current = ledger.unmark(current, Stage.ACKNOWLEDGEMENT_CLAIMED);
        }
        return inquiry.withCaseFile(current);
    }
}
