package org.privacymailbox.extraction;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.privacymailbox.cases.Inquiry;

/**
 * Reads an archived mail with Jakarta Mail: headers decoded, the body a person wrote (plain text preferred over
 * HTML), and every attachment's text through the {@link TextExtractor}.
 */
public class MailParser {

    private static final Session SESSION = Session.getInstance(lenientParsing());
    private static final int MAX_DEPTH = 20;

    private final TextExtractor extractor;

    public MailParser(TextExtractor extractor) {
        this.extractor = extractor;
    }

    public Inquiry parse(Inquiry inquiry) throws UnreadableMailException {
        return inquiry.withMail(parse(inquiry.archived().raw()));
    }

    public ParsedMail parse(byte[] raw) throws UnreadableMailException {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            StringBuilder body = new StringBuilder();
            List<Attachment> attachments = new ArrayList<>();
            walk(message, body, attachments, 0);
            InternetAddress from = firstAddress(message.getFrom());
            InternetAddress replyTo = firstAddress(safeReplyTo(message));
            return new ParsedMail(
                    message.getMessageID(),
                    from == null ? null : from.getAddress(),
                    from == null ? null : from.getPersonal(),
                    replyTo == null ? null : replyTo.getAddress(),
                    decodeSubject(message),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                    baseType(message.getContentType()),
                    headers(message),
                    body.toString().strip(),
                    attachments);
        } catch (MessagingException | IOException e) {
            throw new UnreadableMailException("the mail's MIME structure cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    private void walk(Part part, StringBuilder body, List<Attachment> attachments, int depth)
            throws MessagingException, IOException {
        if (depth > MAX_DEPTH) {
            attachments.add(new Attachment(null, "multipart", 0, "", "not read: nested deeper than " + MAX_DEPTH + " levels"));
            return;
        }
        String type = baseType(part.getContentType());
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName(part) != null;
        if (type.startsWith("multipart/") && !attached) {
            Multipart multipart = asMultipart(part);
            if (multipart == null) {
                return;
            }
            if (type.equals("multipart/alternative")) {
                walk(preferredAlternative(multipart), body, attachments, depth + 1);
            } else {
                for (int i = 0; i < multipart.getCount(); i++) {
                    walk(multipart.getBodyPart(i), body, attachments, depth + 1);
                }
            }
        } else if (!attached && type.equals("text/plain")) {
            appendParagraph(body, readText(part));
        } else if (!attached && type.equals("text/html")) {
            byte[] html = readBytes(part);
            appendParagraph(body, extractor.extract(html, null, "text/html; charset=" + charsetOf(part).name()).text());
        } else {
            byte[] content = readBytes(part);
            ExtractedText text = type.startsWith("image/")
                    ? ExtractedText.unread("image, not read")
                    : extractor.extract(content, fileName(part), type);
            attachments.add(new Attachment(fileName(part), type, content.length, text.text(), text.note()));
        }
    }

    private static Part preferredAlternative(Multipart alternative) throws MessagingException {
        Part html = null;
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart candidate = alternative.getBodyPart(i);
            String type = baseType(candidate.getContentType());
            if (type.equals("text/plain")) {
                return candidate;
            }
            if (html == null && (type.equals("text/html") || type.startsWith("multipart/"))) {
                html = candidate;
            }
        }
        return html != null ? html : alternative.getBodyPart(alternative.getCount() - 1);
    }

    private static Multipart asMultipart(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        return content instanceof Multipart multipart ? multipart : null;
    }

    private static String readText(Part part) throws MessagingException, IOException {
        return new String(readBytes(part), charsetOf(part));
    }

    private static byte[] readBytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The declared charset when Java knows it; Windows-1252 otherwise, the usual truth behind a bad label. */
    private static Charset charsetOf(Part part) throws MessagingException {
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name == null || name.isBlank()) {
                return StandardCharsets.UTF_8;
            }
            Charset declared = Charset.forName(MimeUtility.javaCharset(name.strip()));
            return declared.equals(StandardCharsets.ISO_8859_1) ? Charset.forName("windows-1252") : declared;
        } catch (ParseException | IllegalArgumentException e) {
            return Charset.forName("windows-1252");
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(name);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return null;
        }
    }

    private static String decodeSubject(MimeMessage message) throws MessagingException {
        String subject = message.getSubject();
        return subject == null ? "" : subject.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            String value = header.getValue() == null ? "" : MimeUtility.unfold(header.getValue()).strip();
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }

    private static Address[] safeReplyTo(MimeMessage message) {
        try {
            return message.getHeader("Reply-To") == null ? null : message.getReplyTo();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static InternetAddress firstAddress(Address[] addresses) {
        if (addresses == null) {
            return null;
        }
        for (Address address : addresses) {
            if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                return internet;
            }
        }
        return null;
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException e) {
            int semicolon = contentType.indexOf(';');
            return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        }
    }

    private static void appendParagraph(StringBuilder body, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (!body.isEmpty()) {
            body.append("\n\n");
        }
        body.append(text.strip());
    }

    private static Properties lenientParsing() {
        Properties properties = new Properties();
        // real mail breaks the rules; read what can be read rather than refuse the whole message
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        return properties;
    }
}
