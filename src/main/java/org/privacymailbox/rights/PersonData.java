package org.privacymailbox.rights;

import jakarta.mail.MessagingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.archive.MailFiles;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.intake.MailboxEraser;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.SearchHit;
import org.privacymailbox.indexing.SearchResult;
import org.privacymailbox.search.MailSearch;

/**
 * The data subject's rights over their mail: an export of everything (Art. 15) and its erasure (Art. 17). Both
 * work on the mails the person search finds, both are recorded in the audit log with case references and counts.
 */
public class PersonData {

    static final int MAX_MAILS = 10_000;

    private final MailSearch search;
    private final MailIndex index;
    private final RawArchive archive;
    private final AuditLog audit;
    private final MailboxEraser mailbox;

    public PersonData(MailSearch search, MailIndex index, RawArchive archive, AuditLog audit, MailboxEraser mailbox) {
        this.search = search;
        this.index = index;
        this.archive = archive;
        this.audit = audit;
        this.mailbox = mailbox;
    }

    /** The person's mails for staff to review: each as .eml, its attached files, and an index.csv. */
    public byte[] export(String user, String who) throws InvalidQueryException, IOException {
        SearchResult found = search.person(user, who, MAX_MAILS);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder csv = new StringBuilder("file,case,message_id,received,from,subject,topic,language,forwarded\n");
        Set<String> exported = new LinkedHashSet<>();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            int number = 0;
            for (SearchHit hit : found.hits()) {
                if (!exported.add(hit.sha256())) {
                    continue; // a forwarded mail's document shares its raw mail with the mail it came in
                }
                Optional<ArchivedMail> raw = archive.read(hit.sha256());
                if (raw.isEmpty()) {
                    continue;
                }
                String folder = String.format("%04d-%s", ++number, hit.caseRef());
                zip.putNextEntry(new ZipEntry(folder + "/mail.eml"));
                zip.write(raw.get().raw());
                zip.closeEntry();
                Set<String> names = new LinkedHashSet<>();
                for (MailFiles.MailFile file : MailFiles.attachments(raw.get().raw())) {
                    String name = MailFiles.safeName(file.name());
                    while (!names.add(name)) {
                        name = "_" + name;
                    }
                    zip.putNextEntry(new ZipEntry(folder + "/attachments/" + name));
                    zip.write(file.content());
                    zip.closeEntry();
                }
                csv.append(String.join(",", List.of(folder + "/mail.eml", hit.caseRef(), csvField(hit.messageId()),
                        String.valueOf(hit.receivedAt()), csvField(hit.from()), csvField(hit.subject()), hit.topic(),
                        String.valueOf(hit.language()), String.valueOf(hit.forwarded())))).append('\n');
            }
            zip.putNextEntry(new ZipEntry("index.csv"));
            zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        audit.record(user, "export", "person '" + who + "': " + exported.size() + " mails in cases " + cases(found));
        return bytes.toByteArray();
    }

    /** What an erasure would remove, for the confirmation step. */
    public SearchResult preview(String user, String who) throws InvalidQueryException, IOException {
        return search.person(user, who, MAX_MAILS);
    }

    /** Removes the person's mails from the index and the raw archive; returns how many mails. */
    public int erase(String user, String who) throws InvalidQueryException, IOException {
        SearchResult found = search.person(user, who, MAX_MAILS);
        Set<String> erased = new LinkedHashSet<>();
        Set<String> messageIds = new LinkedHashSet<>();
        for (SearchHit hit : found.hits()) {
            if (erased.add(hit.sha256())) {
                if (hit.messageId() != null && !hit.forwarded()) {
                    messageIds.add(hit.messageId());
                }
                index.deleteArchived(hit.sha256());
                archive.delete(hit.sha256());
            }
        }
        String inMailbox;
        try {
            inMailbox = mailbox.erase(messageIds) + " copies in the mailbox";
        } catch (MessagingException e) {
            // index and archive are erased; the mailbox copies must be removed when it can be reached
            inMailbox = "the mailbox could not be reached (" + e.getClass().getSimpleName() + "): copies there remain";
        }
        audit.record(user, "erasure", "person '" + who + "': " + erased.size() + " mails erased from index and archive, " + inMailbox
                + ", cases " + cases(found));
        return erased.size();
    }

    private static String cases(SearchResult found) {
        Set<String> references = new LinkedHashSet<>();
        found.hits().forEach(hit -> references.add(hit.caseRef()));
        return String.join(" ", references);
    }

    private static String csvField(String value) {
        String text = value == null ? "" : value;
        // a leading = + - @ would be a formula when staff open the file in a spreadsheet
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
