package org.privacymailbox.acknowledgement;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.security.SecureRandom;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityMasker;

/**
 * Writes the acknowledgement: plain UTF-8 text in the customer's language, with the case reference. It carries
 * nothing of the customer's mail but a cleaned, masked subject: no quoted text, no attachments, no headers.
 */
public class AcknowledgementComposer {

    private static final int MAX_SUBJECT_CHARACTERS = 120;
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AcknowledgementTexts texts;
    private final IdentityMasker masker;
    private final String mailboxAddress;
    private final AcknowledgementSettings settings;

    public AcknowledgementComposer(AcknowledgementTexts texts, IdentityMasker masker, String mailboxAddress,
            AcknowledgementSettings settings) {
        this.texts = texts;
        this.masker = masker;
        this.mailboxAddress = mailboxAddress;
        this.settings = settings;
    }

    public MimeMessage compose(Inquiry inquiry, AcknowledgementDecision decision) throws MessagingException {
        ParsedMail mail = inquiry.requireMail();
        String language = inquiry.requireClassification().language();
        String reference = inquiry.caseReference();
        MimeMessage message = new OwnMessageIdMimeMessage(SESSION, ownMessageId(reference));
        try {
            message.setFrom(new InternetAddress(mailboxAddress, settings.displayName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(decision.recipient()));
        message.setSubject(subject(reference, texts.text(language, "received"), mail.subject()), "UTF-8");
        message.setText(body(inquiry, language), "UTF-8", "plain");
        message.setHeader("Auto-Submitted", "auto-replied");
        message.setHeader("X-Auto-Response-Suppress", "All");
        if (mail.messageId() != null && mail.messageId().matches("<[^<>\\s]+>")) {
            message.setHeader("In-Reply-To", mail.messageId());
            message.setHeader("References", references(mail));
        }
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }

    String subject(String reference, String received, String originalSubject) {
        String original = masker.mask(originalSubject == null ? "" : originalSubject)
                .replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]+", " ")
                .replaceAll("\\s+", " ")
                .strip();
        if (original.codePointCount(0, original.length()) > MAX_SUBJECT_CHARACTERS) {
            original = original.substring(0, original.offsetByCodePoints(0, MAX_SUBJECT_CHARACTERS)) + "…";
        }
        String head = "[" + reference + "] " + received;
        return original.isEmpty() ? head : head + ": " + original;
    }

    private String body(Inquiry inquiry, String language) {
        Topic topic = inquiry.requireClassification().topic();
        String reference = inquiry.caseReference();
        ZonedDateTime due = inquiry.caseFile().openedAt().atZone(settings.zone()).plusMonths(1);
        String dueDate = due.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.forLanguageTag(language)));
        String topicText = switch (topic) {
            case PRIVACY -> texts.text(language, "privacy");
            case BILLING -> texts.text(language, "billing");
            default -> texts.text(language, "other");
        };
        String contact = settings.contactAddress().isBlank() ? mailboxAddress : settings.contactAddress();
        return String.join("\n\n", List.of(
                        texts.text(language, "greeting"),
                        topicText,
                        texts.text(language, "reference"),
                        texts.text(language, "signature"),
                        "-- \n" + texts.text(language, "automatic")))
                .replace("{caseReference}", reference)
                .replace("{dueDate}", dueDate)
                .replace("{companyName}", settings.companyName())
                .replace("{contactAddress}", contact)
                + "\n";
    }

    private static String references(ParsedMail mail) {
        String existing = mail.firstHeader("References");
        String chain = existing == null ? "" : existing.replaceAll("[\\r\\n]+", " ").strip();
        // keep the header bounded: a long thread must not grow our mail without limit
        if (chain.length() > 900) {
            chain = chain.substring(chain.length() - 900).replaceFirst("^[^<]*", "");
        }
        return (chain.isEmpty() ? "" : chain + " ") + mail.messageId();
    }

    private String ownMessageId(String reference) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String domain = mailboxAddress.substring(mailboxAddress.indexOf('@') + 1);
        return "<" + reference + "." + HexFormat.of().formatHex(random) + "@" + domain + ">";
    }

    /** Keeps the Message-ID we chose instead of the one Jakarta Mail would invent from the local host name. */
    private static final class OwnMessageIdMimeMessage extends MimeMessage {

        private final String messageId;

        OwnMessageIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
