package org.privacymailbox.extraction;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mail as the later stages need it: decoded headers, the readable body, and the attachments' text.
 * {@code headers} keys are lower-case header names.
 */
public record ParsedMail(
        String messageId,
        String fromAddress,
        String fromName,
        String replyTo,
        String subject,
        Instant sentAt,
        String contentType,
        Map<String, List<String>> headers,
        String body,
        List<Attachment> attachments) {

    public ParsedMail {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    public List<String> header(String name) {
        return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    public String firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? null : values.get(0);
    }

    public List<String> attachmentNames() {
        return attachments.stream().map(Attachment::name).toList();
    }

    public String attachmentText() {
        StringBuilder text = new StringBuilder();
        for (Attachment attachment : attachments) {
            if (!attachment.text().isBlank()) {
                text.append(attachment.text()).append("\n\n");
            }
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return "ParsedMail[" + messageId + ", " + attachments.size() + " attachments]";
    }
}
