package org.privacymailbox.routing;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.privacymailbox.cases.CaseFile;
import org.privacymailbox.cases.CaseLedger;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityMasker;
import tools.jackson.databind.json.JsonMapper;

/** Chooses the queue for an inquiry by its topic and writes the message staff systems read from it. */
public class RoutingMessageFactory {

    private final RoutingSettings settings;
    private final IdentityMasker masker;
    private final BillingReferences billing;
    private final CaseLedger ledger;
    private final JsonMapper json = JsonMapper.builder().build();

    public RoutingMessageFactory(RoutingSettings settings, IdentityMasker masker, BillingReferences billing, CaseLedger ledger) {
        this.settings = settings;
        this.masker = masker;
        this.billing = billing;
        this.ledger = ledger;
    }

    public RoutingMessage toMessage(Inquiry inquiry) throws IOException {
        Classification classification = inquiry.requireClassification();
        String queue = settings.queueFor(classification);
        if (inquiry.caseFile().isFollowUp() && classification.topic() != Topic.AUTOMATED) {
            // a follow-up belongs with its case, wherever the new words alone would have sent it
            Optional<CaseFile> first = ledger.find(inquiry.caseFile().followUpOf());
            if (first.isPresent() && first.get().queue() != null) {
                queue = first.get().queue();
            }
        }
        if (queue == null) {
            return RoutingMessage.none();
        }
        ParsedMail mail = inquiry.requireMail();
        BillingReferences.Found references = classification.topic() == Topic.BILLING
                ? billing.find(mail.subject() + "\n" + mail.body() + "\n" + mail.attachmentText(), year(mail, inquiry))
                : new BillingReferences.Found(List.of(), List.of());
        Payload payload = new Payload(
                inquiry.caseReference(),
                mail.messageId(),
                inquiry.caseFile().openedAt().toString(),
                mail.fromAddress(),
                masker.mask(mail.subject()),
                classification.topic().label(),
                classification.subtopic(),
                Math.round(classification.confidence() * 100) / 100.0,
                classification.language(),
                mail.attachmentNames().stream().map(masker::mask).toList(),
                classification.identityNumbers().stream()
                        .map(n -> new MaskedIdentity(n.type().name(), n.masked()))
                        .distinct()
                        .toList(),
                references.invoiceNumbers(),
                references.paymentDates());
        return new RoutingMessage(queue, inquiry.caseFile().mailKey(), json.writeValueAsString(payload));
    }

    /** The JSON body; identity numbers appear only masked. Invoice numbers and payment dates only for billing mail. */
    record Payload(
            String caseReference,
            String messageId,
            String receivedAt,
            String sender,
            String subject,
            String topic,
            String subtopic,
            double confidence,
            String language,
            List<String> attachments,
            List<MaskedIdentity> identityNumbers,
            List<String> invoiceNumbers,
            List<String> paymentDates) {
    }

    private static int year(ParsedMail mail, Inquiry inquiry) {
        return (mail.sentAt() != null ? mail.sentAt() : inquiry.caseFile().openedAt()).atZone(ZoneOffset.UTC).getYear();
    }

    record MaskedIdentity(String type, String masked) {
    }
}
