package org.privacymailbox.extraction;

import jakarta.mail.BodyPart;
import jakarta.mail.Header;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.privacymailbox.cases.Inquiry;

/**
 * Reads an archived mail with Jakarta Mail: headers decoded however they were written, the body a person wrote
 * (plain text preferred over HTML), every attachment's text through the {@link TextExtractor}, and forwarded mails
 * as mails of their own. What cannot be read is said in a note; only a mail whose MIME structure is beyond reading
 * raises {@link UnreadableMailException}.
 */
public class MailParser {

    private static final Session SESSION = Session.getInstance(lenientParsing());
    private static final Set<String> SIGNATURE_TYPES = Set.of("application/pkcs7-signature", "application/x-pkcs7-signature",
            "application/pgp-signature");
    private static final Set<String> REPORT_TYPES = Set.of("message/delivery-status", "message/global-delivery-status",
            "message/disposition-notification", "text/rfc822-headers", "message/feedback-report");
    /** Line breaks and tabs left in a header after unfolding; compiled once, since every mail has several headers. */
    private static final Pattern HEADER_BREAKS = Pattern.compile("[\\r\\n\\t]+");
    private static final Pattern PGP_MESSAGE = Pattern.compile(
            "-----BEGIN PGP MESSAGE-----.*?(?:-----END PGP MESSAGE-----|\\z)", Pattern.DOTALL);
    private static final Pattern PGP_SIGNED = Pattern.compile(
            "-----BEGIN PGP SIGNED MESSAGE-----\\r?\\n(?:[A-Za-z-]+: .*\\r?\\n)*\\r?\\n(.*?)\\r?\\n-----BEGIN PGP SIGNATURE-----.*?(?:-----END PGP SIGNATURE-----|\\z)",
            Pattern.DOTALL);

    /** Enough text to name a language; more only costs the detector time, per mail with an attachment. */
    private static final int LANGUAGE_SAMPLE = 1000;

    private final TextExtractor extractor;
    private final long maxMailBytes;
    private final int maxDepth;
    private final TextLanguage textLanguage;

    public MailParser(TextExtractor extractor) {
        this(extractor, Long.MAX_VALUE, 10, TextLanguage.UNKNOWN);
    }

    /** {@code textLanguage} tells OCR which language a mail's images are likely in, from the mail's own text. */
    public MailParser(TextExtractor extractor, long maxMailBytes, int maxDepth, TextLanguage textLanguage) {
        this.extractor = extractor;
        this.maxMailBytes = maxMailBytes;
        this.maxDepth = maxDepth;
        this.textLanguage = textLanguage;
    }

    public Inquiry parse(Inquiry inquiry) throws UnreadableMailException {
        return inquiry.withMail(parse(inquiry.archived().raw()));
    }

    public ParsedMail parse(byte[] raw) throws UnreadableMailException {
        try {
            return read(new MimeMessage(SESSION, new UnsynchronizedByteArrayInputStream(raw)), raw.length, 0);
        } catch (ParserFailure e) {
            // a bug in an attachment parser: the mail goes to quarantine with the parser's own reason
            throw e.getCause();
        } catch (MessagingException | IOException | RuntimeException e) {
            // Jakarta Mail throws runtime exceptions on some malformed structures; the mail is set aside either way
            throw new UnreadableMailException("the mail's MIME structure cannot be read: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Carries a text extractor's unexpected exception past the handling of malformed MIME. */
    private static final class ParserFailure extends RuntimeException {
        ParserFailure(RuntimeException cause) {
            super(cause);
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    private ParsedMail read(MimeMessage message, long size, int depth) throws MessagingException, IOException {
        String subject = decodedHeader(message, "Subject");
        Reading reading = new Reading(size > maxMailBytes, subject);
        if (reading.oversized) {
            reading.notes.add("the mail is " + size + " bytes, above the limit of " + maxMailBytes + ": its attachments were not read");
        }
        walk(message, reading, depth);
        String body = reading.body.toString().strip();
        ReplyText.Parts parts = ReplyText.split(body);
        InternetAddress from = firstAddress(message, "From");
        InternetAddress replyTo = firstAddress(message, "Reply-To");
        return new ParsedMail(
                message.getMessageID(),
                from == null ? null : from.getAddress(),
                from == null ? null : personal(from),
                replyTo == null ? null : replyTo.getAddress(),
                subject,
                sentAt(message),
                baseType(message.getContentType()),
                headers(message),
                body,
                parts.own(),
                reading.attachments,
                reading.forwarded,
                List.copyOf(reading.notes));
    }

    /** What the walk through one mail's parts has found so far. */
    private static final class Reading {
        final boolean oversized;
        final String subject;
        final StringBuilder body = new StringBuilder();
        final List<Attachment> attachments = new ArrayList<>();
        final List<ParsedMail> forwarded = new ArrayList<>();
        final Set<String> notes = new LinkedHashSet<>();
        boolean inRelated;
        private String language;
        private boolean languageAsked;

        Reading(boolean oversized, String subject) {
            this.oversized = oversized;
            this.subject = subject;
        }

        /** The language of what the customer wrote before this point; asked at most once per mail. */
        String language(TextLanguage textLanguage) {
            if (!languageAsked) {
                String text = subject + "\n\n" + body.substring(0, Math.min(body.length(), LANGUAGE_SAMPLE));
                language = textLanguage.of(text);
                languageAsked = true;
            }
            return language;
        }

        void appendText(String text) {
            if (text == null || text.isBlank()) {
                return;
            }
            if (!body.isEmpty()) {
                body.append("\n\n");
            }
            body.append(text.strip());
        }
    }

    private void walk(Part part, Reading reading, int depth) throws MessagingException, IOException {
        if (depth > maxDepth) {
            reading.notes.add("parts nested deeper than " + maxDepth + " levels were not read");
            return;
        }
        String type = baseType(part.getContentType());
        String name = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || name != null;
        if (type.startsWith("multipart/")) {
            multipart(part, type, reading, depth);
        } else if (type.equals("message/rfc822") || name != null && name.toLowerCase(Locale.ROOT).endsWith(".eml")) {
            forwarded(part, name, reading, depth);
        } else if (REPORT_TYPES.contains(type)) {
            byte[] content = readBytes(part);
            String text = TextDecoding.decode(content, charsetLabel(part));
            reading.attachments.add(new Attachment(name != null ? name : type.substring(type.indexOf('/') + 1), type, content.length, text, ""));
        } else if (SIGNATURE_TYPES.contains(type)) {
            reading.notes.add(type.contains("pgp") ? "signed (PGP)" : "signed (S/MIME)");
        } else if (type.equals("application/pgp-encrypted")) {
            reading.notes.add("encrypted (PGP/MIME): the content cannot be read");
        } else if (type.equals("application/pkcs7-mime") || type.equals("application/x-pkcs7-mime")) {
            smime(part, name, reading, depth);
        } else if (!attached && type.equals("text/plain")) {
            plainText(part, reading);
        } else if (!attached && type.equals("text/html")) {
            reading.appendText(HtmlText.toText(TextDecoding.decode(readBytes(part), charsetLabel(part))));
        } else if (type.startsWith("image/") && reading.inRelated && contentId(part) != null && !Part.ATTACHMENT.equalsIgnoreCase(disposition(part))) {
            // a picture the HTML body shows (a logo, a signature banner), not something the customer attached
            reading.attachments.add(new Attachment(name, type, size(part), "", "inline image, not read"));
        } else {
            attachment(readBytes(part), name, type, reading);
        }
    }

    private void multipart(Part part, String type, Reading reading, int depth) throws MessagingException, IOException {
        Multipart multipart;
        try {
            multipart = part.getContent() instanceof Multipart m ? m : null;
        } catch (MessagingException | IOException e) {
            multipart = null;
        }
        if (multipart == null || multipart.getCount() == 0) {
            // a multipart without a usable boundary: keep its text rather than lose it
            reading.appendText(TextDecoding.decode(readBytes(part), charsetLabel(part)));
            reading.notes.add("a multipart section had no readable structure and was read as text");
            return;
        }
        switch (type) {
            case "multipart/alternative" -> walk(preferredAlternative(multipart), reading, depth + 1);
            case "multipart/encrypted" -> reading.notes.add("encrypted (" + protocol(part) + "): the content cannot be read");
            case "multipart/signed" -> {
                walk(multipart.getBodyPart(0), reading, depth + 1);
                reading.notes.add(protocol(part).contains("pgp") ? "signed (PGP)" : "signed (S/MIME)");
            }
            case "multipart/related" -> {
                boolean outer = reading.inRelated;
                reading.inRelated = true;
                walkAll(multipart, reading, depth);
                reading.inRelated = outer;
            }
            case "multipart/report" -> {
                reading.notes.add("delivery or read report");
                walkAll(multipart, reading, depth);
            }
            default -> walkAll(multipart, reading, depth);
        }
    }

    private void walkAll(Multipart multipart, Reading reading, int depth) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            walk(multipart.getBodyPart(i), reading, depth + 1);
        }
    }

    private void forwarded(Part part, String name, Reading reading, int depth) throws MessagingException, IOException {
        byte[] content = readBytes(part);
        if (depth + 1 > maxDepth) {
            reading.attachments.add(new Attachment(name, "message/rfc822", content.length, "", "not read: nested deeper than " + maxDepth + " levels"));
            return;
        }
        try {
            ParsedMail inner = read(new MimeMessage(SESSION, new UnsynchronizedByteArrayInputStream(content)), content.length, depth + 1);
            reading.forwarded.add(inner);
            reading.attachments.add(new Attachment(name != null ? name : forwardedName(inner), "message/rfc822", content.length, "",
                    "forwarded mail, read as a mail of its own"));
        } catch (ParserFailure e) {
            throw e;
        } catch (MessagingException | IOException | RuntimeException e) {
            reading.attachments.add(new Attachment(name, "message/rfc822", content.length, "", "not read: the forwarded mail's structure is broken"));
        }
    }

    private static String forwardedName(ParsedMail inner) {
        return inner.subject().isBlank() ? "forwarded.eml" : inner.subject() + ".eml";
    }

    private void smime(Part part, String name, Reading reading, int depth) throws MessagingException, IOException {
        String smimeType = parameter(part, "smime-type");
        byte[] content = readBytes(part);
        if (smimeType != null && smimeType.toLowerCase(Locale.ROOT).contains("signed")) {
            byte[] inner = signedContent(content);
            if (inner == null) {
                reading.attachments.add(new Attachment(name, "application/pkcs7-mime", content.length, "", "not read: unreadable S/MIME signed data"));
            } else {
                walk(new MimeBodyPart(new UnsynchronizedByteArrayInputStream(inner)), reading, depth + 1);
                reading.notes.add("signed (S/MIME)");
            }
            return;
        }
        reading.notes.add("encrypted (S/MIME): the content cannot be read");
        reading.attachments.add(new Attachment(name, "application/pkcs7-mime", content.length, "", "not read: encrypted"));
    }

    private static byte[] signedContent(byte[] cms) {
        try {
            var content = new CMSSignedData(cms).getSignedContent();
            return content != null && content.getContent() instanceof byte[] bytes ? bytes : null;
        } catch (CMSException | RuntimeException e) {
            return null;
        }
    }

    private void plainText(Part part, Reading reading) throws MessagingException, IOException {
        String text = TextDecoding.decode(readBytes(part), charsetLabel(part));
        if ("flowed".equalsIgnoreCase(parameter(part, "format"))) {
            text = FlowedText.unflow(text, "yes".equalsIgnoreCase(parameter(part, "delsp")));
        }
        UuencodedParts.Split split = UuencodedParts.split(text);
        text = inlinePgp(split.text(), reading);
        reading.appendText(text);
        for (UuencodedParts.UuFile file : split.files()) {
            attachment(file.content(), file.name(), "application/octet-stream", reading);
        }
    }

    private static String inlinePgp(String text, Reading reading) {
        if (!text.contains("-----BEGIN PGP")) {
            return text;
        }
        Matcher signed = PGP_SIGNED.matcher(text);
        if (signed.find()) {
            // dash-escaped lines ("- --") are the signed text's own lines starting with a dash
            String clear = signed.group(1).replaceAll("(?m)^- ", "");
            text = text.substring(0, signed.start()) + clear + text.substring(signed.end());
            reading.notes.add("signed (PGP)");
        }
        Matcher encrypted = PGP_MESSAGE.matcher(text);
        if (encrypted.find()) {
            text = encrypted.replaceAll("");
            reading.notes.add("encrypted (PGP): the content cannot be read");
        }
        return text;
    }

    private void attachment(byte[] content, String name, String type, Reading reading) {
        if (reading.oversized) {
            reading.attachments.add(new Attachment(name, type, content.length, "", "not read: the mail is above the size limit"));
            return;
        }
        ExtractedText text;
        try {
            text = extractor.extract(content, name, type, () -> reading.language(textLanguage));
        } catch (RuntimeException e) {
            throw new ParserFailure(e);
        }
        Attachment container = new Attachment(name, type, content.length, text.text(), text.note());
        reading.attachments.add(container);
        for (ExtractedText.EmbeddedFile file : text.embedded()) {
            reading.attachments.add(new Attachment(container.name() + "/" + file.path(), file.contentType(), file.size(), file.text(), file.note()));
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

    private static byte[] readBytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            // a broken transfer encoding: the raw bytes are better than nothing
            if (part instanceof MimeBodyPart body) {
                try (InputStream raw = body.getRawInputStream()) {
                    return raw.readAllBytes();
                }
            }
            if (part instanceof MimeMessage message) {
                try (InputStream raw = message.getRawInputStream()) {
                    return raw.readAllBytes();
                }
            }
            throw e;
        }
    }

    private static long size(Part part) {
        try {
            return Math.max(part.getSize(), 0);
        } catch (MessagingException e) {
            return 0;
        }
    }

    private static String charsetLabel(Part part) {
        return parameter(part, "charset");
    }

    private static String parameter(Part part, String name) {
        try {
            return new ContentType(part.getContentType()).getParameter(name);
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String protocol(Part part) {
        String protocol = parameter(part, "protocol");
        return protocol == null ? "unknown protocol" : protocol.toLowerCase(Locale.ROOT).contains("pgp") ? "PGP/MIME" : "S/MIME";
    }

    private static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String contentId(Part part) {
        try {
            String[] ids = part.getHeader("Content-ID");
            return ids == null || ids.length == 0 ? null : ids[0];
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String fileName(Part part) {
        try {
            String name = part.getFileName();
            if (name == null || name.isBlank()) {
                return null;
            }
            return EncodedWords.decode(TextDecoding.repairRawHeader(MimeUtility.decodeText(name))).strip();
        } catch (MessagingException | UnsupportedEncodingException | RuntimeException e) {
            return null;
        }
    }

    private static String decodedHeader(MimeMessage message, String name) throws MessagingException {
        String raw = message.getHeader(name, " ");
        if (raw == null) {
            return "";
        }
        return HEADER_BREAKS.matcher(EncodedWords.decode(TextDecoding.repairRawHeader(MimeUtility.unfold(raw)))).replaceAll(" ").strip();
    }

    private static String personal(InternetAddress address) {
        String personal = address.getPersonal();
        return personal == null ? null : EncodedWords.decode(TextDecoding.repairRawHeader(personal)).strip();
    }

    private static Instant sentAt(MimeMessage message) {
        try {
            return message.getSentDate() == null ? null : message.getSentDate().toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static Map<String, List<String>> headers(MimeMessage message) throws MessagingException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<Header> all = message.getAllHeaders();
        while (all.hasMoreElements()) {
            Header header = all.nextElement();
            String value = header.getValue() == null ? "" : TextDecoding.repairRawHeader(MimeUtility.unfold(header.getValue())).strip();
            headers.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        headers.replaceAll((name, values) -> List.copyOf(values));
        return headers;
    }

    private static InternetAddress firstAddress(MimeMessage message, String header) {
        try {
            String raw = message.getHeader(header, ",");
            if (raw == null) {
                return null;
            }
            for (InternetAddress address : InternetAddress.parseHeader(TextDecoding.repairRawHeader(MimeUtility.unfold(raw)), false)) {
                if (address.getAddress() != null && !address.getAddress().isBlank()) {
                    return address;
                }
            }
        } catch (MessagingException | RuntimeException e) {
            // an unparseable address is treated as no address: no acknowledgement can go there
        }
        return null;
    }

    static String baseType(String contentType) {
        if (contentType == null) {
            return "text/plain";
        }
        try {
            return new ContentType(contentType).getBaseType().toLowerCase(Locale.ROOT);
        } catch (ParseException | RuntimeException e) {
            int semicolon = contentType.indexOf(';');
            String base = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            return base.contains("/") ? base : "application/octet-stream";
        }
    }

    private static Properties lenientParsing() {
        Properties properties = new Properties();
        // real mail breaks the rules; read what can be read rather than refuse the whole message
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.decodeparameters", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        properties.setProperty("mail.mime.multipart.allowempty", "true");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoremissingbeginend", "true");
        properties.setProperty("mail.mime.ignoreunknownencoding", "true");
        return properties;
    }
}
