package org.privacymailbox.cases;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.extraction.UnsynchronizedByteArrayInputStream;

/**
 * Opens (or finds again) the case of an archived mail. Reads only the header block, so a mail seen before is
 * recognised without parsing it. A follow-up joins its case: a reply to one of our acknowledgements (its
 * In-Reply-To or References holds our Message-ID, which nobody can guess), or a mail from the case's own sender
 * with the case reference in its subject. A stranger quoting someone else's reference gets a case of their own.
 */
public class CaseOpener {

    private final CaseLedger ledger;
    private final Pattern referenceInSubject;
    private final Pattern ourMessageId;

    public CaseOpener(CaseLedger ledger, String referencePrefix, String mailboxAddress) {
        this.ledger = ledger;
        String reference = "(" + Pattern.quote(referencePrefix) + "-\\d{4}-\\d{6})";
        String domain = mailboxAddress.substring(mailboxAddress.indexOf('@') + 1);
        this.referenceInSubject = Pattern.compile("(?<![A-Za-z0-9])" + reference + "(?!\\d)");
        this.ourMessageId = Pattern.compile("<" + reference + "\\.[0-9a-f]{8,}@" + Pattern.quote(domain) + ">", Pattern.CASE_INSENSITIVE);
    }

    public Inquiry open(ArchivedMail archived) throws IOException {
        InternetHeaders headers = headers(archived.raw());
        String key = MailKey.of(first(headers, "Message-ID"), archived.sha256());
        Optional<CaseFile> known = ledger.find(key);
        if (known.isPresent()) {
            return Inquiry.opened(archived, known.get());
        }
        String sender = sender(headers);
        Optional<CaseFile> original = followUpOf(headers, sender);
        CaseFile caseFile = original.isPresent() ? ledger.openFollowUp(key, original.get(), sender) : ledger.open(key, sender);
        return Inquiry.opened(archived, caseFile);
    }

    private Optional<CaseFile> followUpOf(InternetHeaders headers, String sender) throws IOException {
        for (String name : new String[] {"In-Reply-To", "References"}) {
            String[] values = headers == null ? null : headers.getHeader(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                Matcher ours = ourMessageId.matcher(value);
                while (ours.find()) {
                    Optional<CaseFile> original = ledger.findByReference(ours.group(1).toUpperCase(Locale.ROOT));
                    if (original.isPresent()) {
                        return original;
                    }
                }
            }
        }
        String subject = decoded(first(headers, "Subject"));
        if (subject != null && sender != null) {
            Matcher reference = referenceInSubject.matcher(subject);
            while (reference.find()) {
                Optional<CaseFile> original = ledger.findByReference(reference.group(1));
                if (original.isPresent() && sender.equals(original.get().sender())) {
                    return original;
                }
            }
        }
        return Optional.empty();
    }

    static String messageId(byte[] raw) {
        return first(headers(raw), "Message-ID");
    }

    private static InternetHeaders headers(byte[] raw) {
        try {
            return new InternetHeaders(new UnsynchronizedByteArrayInputStream(raw));
        } catch (MessagingException e) {
            // a header block this broken has no usable Message-ID; the content hash identifies the mail instead
            return null;
        }
    }

    private static String first(InternetHeaders headers, String name) {
        String[] values = headers == null ? null : headers.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }

    private static String sender(InternetHeaders headers) {
        String from = first(headers, "From");
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(MimeUtility.unfold(from), false);
            return addresses.length == 0 || addresses[0].getAddress() == null ? null : addresses[0].getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            return null;
        }
    }

    private static String decoded(String header) {
        if (header == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(MimeUtility.unfold(header));
        } catch (UnsupportedEncodingException | RuntimeException e) {
            return header;
        }
    }
}
