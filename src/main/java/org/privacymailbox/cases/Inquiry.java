package org.privacymailbox.cases;

import java.util.Objects;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.extraction.ParsedMail;

/**
 * One mail on its way through the pipeline, gaining a part at each stage: archived, opened as a case, parsed,
 * classified. Never logged whole: {@link #toString()} names the case only.
 */
public record Inquiry(ArchivedMail archived, CaseFile caseFile, ParsedMail mail, Classification classification) {

    public Inquiry {
        Objects.requireNonNull(archived, "archived");
        Objects.requireNonNull(caseFile, "caseFile");
    }

    public static Inquiry opened(ArchivedMail archived, CaseFile caseFile) {
        return new Inquiry(archived, caseFile, null, null);
    }

    public Inquiry withCaseFile(CaseFile next) {
        return new Inquiry(archived, next, mail, classification);
    }

    public Inquiry withMail(ParsedMail parsed) {
        return new Inquiry(archived, caseFile, parsed, classification);
    }

    public Inquiry withClassification(Classification result) {
        return new Inquiry(archived, caseFile, mail, result);
    }

    /** The same inquiry with a note on its mail, kept with the search document (why it was not answered, …). */
    public Inquiry withNote(String note) {
        return withMail(requireMail().withNote(note));
    }

    public String caseReference() {
        return caseFile.caseReference();
    }

    /** For the routes: whether the stage named still has to run for this mail. */
    public boolean needs(String stage) {
        return caseFile.needs(stage);
    }

    public ParsedMail requireMail() {
        if (mail == null) {
            throw new IllegalStateException("case " + caseReference() + " has not been parsed yet");
        }
        return mail;
    }

    public Classification requireClassification() {
        if (classification == null) {
            throw new IllegalStateException("case " + caseReference() + " has not been classified yet");
        }
        return classification;
    }

    /**
     * By the mail and its case only, which equal inquiries share: Camel hashes the inquiry at every method a route
     * calls on it, and hashing the parsed text and attachments each time was 0.6 % of an import's CPU time.
     */
    @Override
    public int hashCode() {
        return 31 * archived.hashCode() + caseFile.caseReference().hashCode();
    }

    @Override
    public String toString() {
        return "Inquiry[" + caseFile.caseReference() + ", sha256=" + archived.sha256() + "]";
    }
}
