package org.privacymailbox.acknowledgement;

/** Whether to acknowledge, to whom, and if not, why not (for the log and the record). */
public record AcknowledgementDecision(boolean send, String recipient, String reason) {

    static AcknowledgementDecision sendTo(String recipient) {
        return new AcknowledgementDecision(true, recipient, "");
    }

    static AcknowledgementDecision suppress(String reason) {
        return new AcknowledgementDecision(false, null, reason);
    }
}
