package org.privacymailbox.routing;

import java.util.List;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityMasker;
import tools.jackson.databind.json.JsonMapper;

/** Chooses the queue for an inquiry by its topic and writes the message staff systems read from it. */
public class RoutingMessageFactory {

    private final RoutingSettings settings;
    private final IdentityMasker masker;
    private final JsonMapper json = JsonMapper.builder().build();

    public RoutingMessageFactory(RoutingSettings settings, IdentityMasker masker) {
        this.settings = settings;
        this.masker = masker;
    }

    public RoutingMessage toMessage(Inquiry inquiry) {
        Classification classification = inquiry.requireClassification();
        String queue = settings.queueFor(classification.topic());
        if (queue == null) {
            return RoutingMessage.none();
        }
        ParsedMail mail = inquiry.requireMail();
        Payload payload = new Payload(
                inquiry.caseReference(),
                mail.messageId(),
                inquiry.caseFile().openedAt().toString(),
                mail.fromAddress(),
                masker.mask(mail.subject()),
                classification.topic().label(),
                Math.round(classification.confidence() * 100) / 100.0,
                classification.language(),
                mail.attachmentNames().stream().map(masker::mask).toList(),
                classification.identityNumbers().stream()
                        .map(n -> new MaskedIdentity(n.type().name(), n.masked()))
                        .distinct()
                        .toList());
        return new RoutingMessage(queue, inquiry.caseFile().mailKey(), json.writeValueAsString(payload));
    }

    /** The JSON body; identity numbers appear only masked. */
    record Payload(
            String caseReference,
            String messageId,
            String receivedAt,
            String sender,
            String subject,
            String topic,
            double confidence,
            String language,
            List<String> attachments,
            List<MaskedIdentity> identityNumbers) {
    }

    record MaskedIdentity(String type, String masked) {
    }
}
