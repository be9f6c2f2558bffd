package org.privacymailbox.extraction;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A mail as the later stages need it: decoded headers, the readable body, the attachments' text, and the mails
 * forwarded inside it. {@code headers} keys are lower-case header names. {@code ownText} is what the sender wrote
 * now, without quoted history and signature; {@code body} is everything readable. {@code notes} say what could
 * not be read and why (encrypted, limits hit), empty when all went well.
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
        String ownText,
        List<Attachment> attachments,
        List<ParsedMail> forwarded,
        List<String> notes) {

    public ParsedMail {
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
        ownText = ownText == null ? body : ownText;
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
        forwarded = List.copyOf(forwarded);
        notes = List.copyOf(notes);
    }

    /** A mail with no history, forwards or notes, as tests and simple callers build one. */
    public ParsedMail(String messageId, String fromAddress, String fromName, String replyTo, String subject, Instant sentAt,
            String contentType, Map<String, List<String>> headers, String body, List<Attachment> attachments) {
        this(messageId, fromAddress, fromName, replyTo, subject, sentAt, contentType, headers, body, body, attachments,
                List.of(), List.of());
    }

    public ParsedMail withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new ParsedMail(messageId, fromAddress, fromName, replyTo, subject, sentAt, contentType, headers, body, ownText,
                attachments, forwarded, more);
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

    /** Every note of the mail and its attachments, for the record kept with the document. */
    public List<String> allNotes() {
        List<String> all = new ArrayList<>(notes);
        for (Attachment attachment : attachments) {
            if (!attachment.note().isEmpty()) {
                all.add(attachment.name() + ": " + attachment.note());
            }
        }
        return all;
    }

    public boolean encrypted() {
        return notes.stream().anyMatch(note -> note.startsWith("encrypted"));
    }

    @Override
    public String toString() {
        return "ParsedMail[" + messageId + ", " + attachments.size() + " attachments, " + forwarded.size() + " forwarded]";
    }
}
