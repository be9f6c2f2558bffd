package org.privacymailbox.bulkimport;

import java.util.List;

/**
 * One line of the import report, in the documented field order. {@code identifiers} are masked (date of birth
 * kept, the rest hidden); nothing here quotes a mail's text.
 */
record ReportLine(
        String source,
        String messageId,
        String language,
        String topic,
        String queue,
        Boolean acknowledge,
        List<Identifier> identifiers,
        List<AttachmentLine> attachments,
        String error) {

    record Identifier(String type, String masked) {
    }

    record AttachmentLine(String name, String contentType, int chars, String note) {
    }

    static ReportLine failed(String source, String messageId, String error) {
        return new ReportLine(source, messageId, null, null, null, null, List.of(), List.of(), error);
    }

    ReportLine withError(String reason) {
        return new ReportLine(source, messageId, language, topic, queue, acknowledge, identifiers, attachments, reason);
    }
}
