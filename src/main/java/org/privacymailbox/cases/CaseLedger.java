package org.privacymailbox.cases;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Durable record of every mail's case and progress. Behind an interface because one instance keeps it on its
 * disk, while several instances would share it (a database, or the search cluster itself).
 */
public interface CaseLedger {

    /** The case of this mail key, opened with a new case reference the first time the key is seen. */
    default CaseFile open(String mailKey) throws IOException {
        return open(mailKey, null);
    }

    /** As {@link #open(String)}, recording the sender of a new case. */
    CaseFile open(String mailKey, String sender) throws IOException;

    /** Opens the mail as a follow-up: it joins {@code original}'s case under the same reference. */
    CaseFile openFollowUp(String mailKey, CaseFile original, String sender) throws IOException;

    Optional<CaseFile> find(String mailKey) throws IOException;

    /** The first mail of the case with this reference. */
    Optional<CaseFile> findByReference(String caseReference) throws IOException;

    CaseFile markDone(CaseFile caseFile, Stage stage) throws IOException;

    /** As {@link #markDone} for many cases, made durable together: for a bulk import's checkpoint. */
    default void markAllDone(List<CaseFile> caseFiles, Stage stage) throws IOException {
        for (CaseFile caseFile : caseFiles) {
            markDone(caseFile, stage);
        }
    }

    CaseFile unmark(CaseFile caseFile, Stage stage) throws IOException;

    /** Records where the case was routed and that routing is done. */
    CaseFile routed(CaseFile caseFile, String queue) throws IOException;
}
