package org.privacymailbox.bulkimport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.privacymailbox.acknowledgement.AcknowledgementPolicy;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.extraction.Attachment;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.extraction.UnreadableMailException;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.privacy.IdentityNumber;
import org.privacymailbox.routing.RoutingSettings;

/**
 * What the service makes of a message, in memory only: read, classified, routed and judged for acknowledgement
 * exactly as the mailbox pipeline would, with nothing written anywhere.
 */
final class MailAnalysis {

    private final MailParser parser;
    private final InquiryClassifier classifier;
    private final AcknowledgementPolicy acknowledgements;
    private final RoutingSettings routing;
    private final IdentityMasker masker;

    MailAnalysis(MailParser parser, InquiryClassifier classifier, AcknowledgementPolicy acknowledgements, RoutingSettings routing,
            IdentityMasker masker) {
        this.parser = parser;
        this.classifier = classifier;
        this.acknowledgements = acknowledgements;
        this.routing = routing;
        this.masker = masker;
    }

    ReportLine analyse(SourcedMail mail) {
        ParsedMail parsed;
        try {
            parsed = parser.parse(mail.raw());
        } catch (UnreadableMailException e) {
            return ReportLine.failed(mail.source(), null, e.getMessage());
        }
        return describe(mail.source(), parsed, classifier.classify(parsed));
    }

    ReportLine describe(String source, ParsedMail parsed, Classification classification) {
        Map<String, ReportLine.Identifier> identifiers = new LinkedHashMap<>();
        for (IdentityNumber number : classification.identityNumbers()) {
            identifiers.putIfAbsent(number.type() + ":" + number.canonical(), new ReportLine.Identifier(number.type().name(), number.masked()));
        }
        List<ReportLine.AttachmentLine> attachments = parsed.attachments().stream().map(this::line).toList();
        return new ReportLine(
                source,
                parsed.messageId(),
                classification.language(),
                classification.topic().label(),
                routing.queueFor(classification),
                acknowledgements.decide(parsed, classification).send(),
                List.copyOf(identifiers.values()),
                attachments,
                null);
    }

    private ReportLine.AttachmentLine line(Attachment attachment) {
        return new ReportLine.AttachmentLine(masker.mask(attachment.name()), attachment.contentType(), attachment.text().length(),
                attachment.note().isEmpty() ? null : masker.mask(attachment.note()));
    }
}
