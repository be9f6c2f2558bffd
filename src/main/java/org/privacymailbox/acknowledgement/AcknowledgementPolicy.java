package org.privacymailbox.acknowledgement;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.extraction.ParsedMail;

/**
 * Decides whether a person gets an acknowledgement. Never a machine, never ourselves, never an address that is not
 * one: each of those answers could start a mail loop or make the service send mail for someone else.
 */
public class AcknowledgementPolicy {

    private final boolean enabled;
    private final String ownAddress;

    public AcknowledgementPolicy(boolean enabled, String ownAddress) {
        this.enabled = enabled;
        this.ownAddress = ownAddress.toLowerCase(Locale.ROOT);
    }

    public AcknowledgementDecision decide(Inquiry inquiry) {
        return decide(inquiry.requireMail(), inquiry.requireClassification());
    }

    public AcknowledgementDecision decide(ParsedMail mail, Classification classification) {
        if (!enabled) {
            return AcknowledgementDecision.suppress("acknowledgements are switched off");
        }
        if (classification.automated()) {
            return AcknowledgementDecision.suppress("automated mail: " + classification.automatedReason());
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
