package org.privacymailbox.acknowledgement;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.regex.Pattern;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.extraction.ParsedMail;

/**
 * Decides whether a person gets an acknowledgement. Never a machine, never ourselves, never an address that is not
 * one: each of those answers could start a mail loop or make the service send mail for someone else.
 */
public class AcknowledgementPolicy {

    private static final Pattern DMARC_FAIL = Pattern.compile("\\bdmarc\\s*=\\s*fail\\b", Pattern.CASE_INSENSITIVE);

    private final boolean enabled;
    private final String ownAddress;
    private final String authservId;

    public AcknowledgementPolicy(boolean enabled, String ownAddress) {
        this(enabled, ownAddress, "");
    }

    /** {@code authservId}: our receiving server's name in Authentication-Results; empty trusts the topmost header. */
    public AcknowledgementPolicy(boolean enabled, String ownAddress, String authservId) {
        this.enabled = enabled;
        this.ownAddress = ownAddress.toLowerCase(Locale.ROOT);
        this.authservId = authservId == null ? "" : authservId.strip().toLowerCase(Locale.ROOT);
    }

    public AcknowledgementDecision decide(Inquiry inquiry) {
        if (enabled && inquiry.caseFile().isFollowUp()) {
            return AcknowledgementDecision.suppress("follow-up in case " + inquiry.caseReference() + ", which was acknowledged");
        }
        return decide(inquiry.requireMail(), inquiry.requireClassification());
    }

    /** Whether a decision to answer still has to be carried out for this inquiry (not yet put in the outbox). */
    public boolean toBeSent(AcknowledgementDecision decision, Inquiry inquiry) {
        return decision != null && decision.send() && inquiry.needs("ACKNOWLEDGEMENT_CLAIMED");
    }

    /** The decision, when it is not to answer, written on the mail so that it is kept with the document. */
    public Inquiry record(Inquiry inquiry, AcknowledgementDecision decision) {
        return decision.send() ? inquiry : inquiry.withNote("not acknowledged: " + decision.reason());
    }

    public AcknowledgementDecision decide(ParsedMail mail, Classification classification) {
        if (!enabled) {
            return AcknowledgementDecision.suppress("acknowledgements are switched off");
        }
        if (classification.automated()) {
            return AcknowledgementDecision.suppress("automated mail: " + classification.automatedReason());
        }
        if (dmarcFailed(mail)) {
            // a forged sender: answering would send our mail to whoever the forger named
            return AcknowledgementDecision.suppress("the receiving server found dmarc=fail, the sender may be forged");
        }
        String recipient = valid(mail.replyTo());
        if (recipient == null) {
            recipient = valid(mail.fromAddress());
        }
        if (recipient == null) {
            return AcknowledgementDecision.suppress("no valid sender address");
        }
        // colleagues at our own domain are people too; our own systems are recognised as automated mail
        if (recipient.toLowerCase(Locale.ROOT).equals(ownAddress)) {
            return AcknowledgementDecision.suppress("sender is our own address");
        }
        return AcknowledgementDecision.sendTo(recipient);
    }

    private boolean dmarcFailed(ParsedMail mail) {
        for (String result : mail.header("Authentication-Results")) {
            String server = result.contains(";") ? result.substring(0, result.indexOf(';')).strip().toLowerCase(Locale.ROOT) : "";
            if (authservId.isEmpty() || server.equals(authservId) || server.startsWith(authservId + " ")) {
                // only our own server's verdict counts: anything below it could have been written by the sender
                return DMARC_FAIL.matcher(result).find();
            }
        }
        return false;
    }

    private static String valid(String address) {
        if (address == null || address.isBlank()) {
            return null;
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            String text = parsed.getAddress();
            return text.indexOf('@') > 0 && text.chars().noneMatch(c -> c < 0x21 || c == 0x7f) ? text : null;
        } catch (AddressException e) {
            return null;
        }
    }
}
