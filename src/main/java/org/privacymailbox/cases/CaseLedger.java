package org.privacymailbox.cases;

import java.io.IOException;

/**
 * Durable record of every mail's case and progress. Behind an interface because one instance keeps it on its
 * disk, while several instances would share it (a database, or the search cluster itself).
 */
public interface CaseLedger {

    /** The case of this mail key, opened with a new case reference the first time the key is seen. */
    CaseFile open(String mailKey) throws IOException;

    CaseFile markDone(CaseFile caseFile, Stage stage) throws IOException;

    CaseFile unmark(CaseFile caseFile, Stage stage) throws IOException;
}
