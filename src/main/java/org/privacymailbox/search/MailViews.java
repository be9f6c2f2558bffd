package org.privacymailbox.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.archive.MailFiles;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.cases.CaseStatus;
import org.privacymailbox.indexing.IndexedMail;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.MailQuery;

/** Reading one mail, its raw form and its files, each look recorded in the audit log. */
public class MailViews {

    private final MailIndex index;
    private final RawArchive archive;
    private final CaseStatus status;
    private final AuditLog audit;

    public MailViews(MailIndex index, RawArchive archive, CaseStatus status, AuditLog audit) {
        this.index = index;
        this.archive = archive;
        this.status = status;
        this.audit = audit;
    }

    public Optional<MailView> view(String user, String mailKey) throws IOException, InvalidQueryException {
        Optional<IndexedMail> found = index.findByMailKey(mailKey);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        IndexedMail mail = found.get();
        audit.record(user, "view", "mail of case " + mail.caseReference());
        var others = index.search(new MailQuery("", Map.of("case", mail.caseReference()), List.of(), false, null, null,
                MailQuery.Order.NEWEST, 0, 100)).hits();
        List<MailView.AttachedFile> files = new ArrayList<>();
        Optional<ArchivedMail> raw = archive.read(mail.sha256());
        if (raw.isPresent() && mail.forwardedIn() == null) {
            List<MailFiles.MailFile> attached = MailFiles.attachments(raw.get().raw());
            for (int i = 0; i < attached.size(); i++) {
                MailFiles.MailFile file = attached.get(i);
                files.add(new MailView.AttachedFile(i + 1, MailFiles.safeName(file.name()), file.contentType(), file.content().length));
            }
        }
        return Optional.of(new MailView(mail, status.of(mail.caseReference()), others, files));
    }

    public Optional<byte[]> raw(String user, String mailKey) throws IOException {
        Optional<IndexedMail> mail = index.findByMailKey(mailKey);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        audit.record(user, "download", "raw mail of case " + mail.get().caseReference());
        return archive.read(mail.get().sha256()).map(ArchivedMail::raw);
    }

    public Optional<MailFiles.MailFile> attachment(String user, String mailKey, int number) throws IOException {
        Optional<IndexedMail> mail = index.findByMailKey(mailKey);
        if (mail.isEmpty()) {
            return Optional.empty();
        }
        Optional<ArchivedMail> raw = archive.read(mail.get().sha256());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        List<MailFiles.MailFile> files = MailFiles.attachments(raw.get().raw());
        if (number < 1 || number > files.size()) {
            return Optional.empty();
        }
        audit.record(user, "download", "attachment " + number + " of case " + mail.get().caseReference());
        return Optional.of(files.get(number - 1));
    }

    public void setStatus(String user, String caseReference, String newStatus) throws IOException {
        status.set(caseReference, newStatus);
        index.setCaseStatus(caseReference, CaseStatus.ANSWERED.equals(status.of(caseReference)));
        audit.record(user, "status", "case " + caseReference + " set to " + newStatus);
    }
}
