package org.privacymailbox.indexing;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.privacymailbox.cases.Inquiry;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.privacy.IdentityHasher;
import org.privacymailbox.privacy.IdentityMasker;

/** Puts an inquiry into the index, with every identity number masked and represented only by its keyed hash. */
public class MailIndexer {

    private final MailIndex index;
    private final IdentityMasker masker;
    private final IdentityHasher hasher;
    private final Clock clock;

    public MailIndexer(MailIndex index, IdentityMasker masker, IdentityHasher hasher, Clock clock) {
        this.index = index;
        this.masker = masker;
        this.hasher = hasher;
        this.clock = clock;
    }

    /** Indexes the mail and, as documents of their own linked to it, every mail forwarded inside it. */
    public Inquiry index(Inquiry inquiry) throws IOException {
        for (IndexedMail document : toIndexedMails(inquiry)) {
            index.index(document);
        }
        return inquiry;
    }

    List<IndexedMail> toIndexedMails(Inquiry inquiry) {
        ParsedMail mail = inquiry.requireMail();
        Classification classification = inquiry.requireClassification();
        List<String> hashes = classification.identityNumbers().stream().map(hasher::hash).distinct().toList();
        Instant received = inquiry.caseFile().openedAt() != null ? inquiry.caseFile().openedAt() : clock.instant();
        String key = inquiry.caseFile().mailKey();
        List<IndexedMail> documents = new ArrayList<>();
        ParsedMail indexed = inquiry.caseFile().isFollowUp() ? mail.withNote("follow-up in case " + inquiry.caseReference()) : mail;
        documents.add(document(key, null, inquiry, indexed, received, classification, hashes));
        addForwarded(key, key, mail, inquiry, received, classification, hashes, documents);
        return documents;
    }

    private void addForwarded(String outerKey, String rootKey, ParsedMail outer, Inquiry inquiry, Instant received,
            Classification classification, List<String> hashes, List<IndexedMail> documents) {
        int number = 0;
        for (ParsedMail forwarded : outer.forwarded()) {
            String key = outerKey + "/forwarded-" + ++number;
            documents.add(document(key, rootKey, inquiry, forwarded, received, classification, hashes));
            addForwarded(key, rootKey, forwarded, inquiry, received, classification, hashes, documents);
        }
    }

    private IndexedMail document(String key, String forwardedIn, Inquiry inquiry, ParsedMail mail, Instant received,
            Classification classification, List<String> hashes) {
        return new IndexedMail(
                key,
                inquiry.caseReference(),
                mail.messageId(),
                inquiry.archived().sha256(),
                mail.fromAddress(),
                mail.fromName(),
                masker.mask(mail.subject()),
                received,
                classification.topic().label(),
                classification.subtopic(),
                classification.language(),
                classification.automatedReason(),
                mail.attachmentNames().stream().map(masker::mask).toList(),
                masker.mask(mail.body()),
                masker.mask(mail.attachmentText()),
                hashes,
                forwardedIn,
                mail.allNotes().stream().map(masker::mask).toList());
    }
}
