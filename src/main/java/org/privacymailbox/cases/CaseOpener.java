package org.privacymailbox.cases;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.privacymailbox.archive.ArchivedMail;

/**
 * Opens (or finds again) the case of an archived mail. Reads only the header block, so a mail seen before is
 * recognised without parsing it.
 */
public class CaseOpener {

    private final CaseLedger ledger;

    public CaseOpener(CaseLedger ledger) {
        this.ledger = ledger;
    }

    public Inquiry open(ArchivedMail archived) throws IOException {
        return Inquiry.opened(archived, ledger.open(MailKey.of(messageId(archived.raw()), archived.sha256())));
    }

    static String messageId(byte[] raw) {
        try {
            String[] values = new InternetHeaders(new ByteArrayInputStream(raw)).getHeader("Message-ID");
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            // a header block this broken has no usable Message-ID; the content hash identifies the mail instead
            return null;
        }
    }
}
