package org.privacymailbox.cases;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the ledger knows of one mail: its case reference and which stages are done. {@code sender} is the address
 * the mail came from (lower case, may be null); {@code followUpOf} is the mail key of the first mail of the case
 * when this mail is a follow-up to it (null otherwise); {@code queue} is where the case was routed (null until then,
 * or when it goes nowhere).
 */
public record CaseFile(String mailKey, String caseReference, Instant openedAt, Set<Stage> done, String sender, String followUpOf,
        String queue) {

    public CaseFile {
        Objects.requireNonNull(mailKey, "mailKey");
        Objects.requireNonNull(caseReference, "caseReference");
        Objects.requireNonNull(openedAt, "openedAt");
        done = done.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(done));
    }

    public CaseFile(String mailKey, String caseReference, Instant openedAt, Set<Stage> done) {
        this(mailKey, caseReference, openedAt, done, null, null, null);
    }

    public boolean isDone(Stage stage) {
        return done.contains(stage);
    }

    public boolean needs(String stage) {
        return !isDone(Stage.valueOf(stage));
    }

    public boolean isFollowUp() {
        return followUpOf != null;
    }

    CaseFile with(Stage stage) {
        EnumSet<Stage> next = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        next.add(stage);
        return new CaseFile(mailKey, caseReference, openedAt, next, sender, followUpOf, queue);
    }

    CaseFile without(Stage stage) {
        EnumSet<Stage> next = done.isEmpty() ? EnumSet.noneOf(Stage.class) : EnumSet.copyOf(done);
        next.remove(stage);
        return new CaseFile(mailKey, caseReference, openedAt, next, sender, followUpOf, queue);
    }

    CaseFile routedTo(String routedQueue) {
        return new CaseFile(mailKey, caseReference, openedAt, done, sender, followUpOf, routedQueue);
    }
}
