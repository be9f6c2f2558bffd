package org.privacymailbox.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** What the ledger knows of one mail: its case reference and which stages are done. */
public record CaseFile(String mailKey, String caseReference, Instant openedAt, Set<Stage> done) {

    public CaseFile {
        Objects.requireNonNull(mailKey, "mailKey");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(openedAt, "openedAt");
        done = done.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(done));
    }

    public boolean isDone(Stage stage) {
        return done.contains(stage);
    }

    public boolean needs(String stage) {
        return !isDone(Stage.valueOf(stage));
    }

    CaseFile with(Stage stage) {
        EnumSet<Stage> next = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        next.add(stage);
        return new CaseFile(mailKey, caseReference, openedAt, next);
    }

    CaseFile without(Stage stage) {
        EnumSet<Stage> next = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        next.remove(stage);
        return new CaseFile(mailKey, caseReference, openedAt, next);
    }
}
