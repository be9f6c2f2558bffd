package org.privacymailbox.indexing;

import java.io.IOException;
import java.time.Clock;
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

    public Inquiry index(Inquiry inquiry) throws IOException {
        index.index(toIndexedMail(inquiry));
        return inquiry;
    }

    IndexedMail toIndexedMail(Inquiry inquiry) {
        ParsedMail mail = inquiry.requireMail();
        Classification classification = inquiry.requireClassification();
        List<String> hashes = classification.identityNumbers().stream().map(hasher::hash).distinct().toList();
        return new IndexedMail(
                inquiry.caseFile().mailKey(),
                inquiry.caseReference(),
                mail.messageId(),
                inquiry.archived().sha256(),
                mail.fromAddress(),
                mail.fromName(),
                masker.mask(mail.subject()),
                inquiry.caseFile().openedAt() != null ? inquiry.caseFile().openedAt() : clock.instant(),
                classification.topic().label(),
                classification.language(),
                classification.automatedReason(),
                mail.attachmentNames(),
                masker.mask(mail.body()),
                masker.mask(mail.attachmentText()),
                hashes);
    }
}
