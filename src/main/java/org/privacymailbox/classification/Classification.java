package org.privacymailbox.classification;

import java.util.List;
import org.privacymailbox.privacy.IdentityNumber;

/**
 * What the service concluded about a mail. {@code automatedReason} is empty for mail a person wrote;
 * {@code subtopic} (access, erasure, double-invoice …) is null when none was recognised.
 * {@code identityNumbers} hold numbers in clear and stay in memory: {@link #toString()} shows them masked.
 */
public record Classification(
        Topic topic,
        String subtopic,
        double confidence,
        String language,
        double languageConfidence,
        String automatedReason,
        List<IdentityNumber> identityNumbers) {

    public Classification {
        automatedReason = automatedReason == null ? "" : automatedReason;
        identityNumbers = List.copyOf(identityNumbers);
    }

    /** Without a sub-topic. */
    public Classification(Topic topic, double confidence, String language, double languageConfidence, String automatedReason,
            List<IdentityNumber> identityNumbers) {
        this(topic, null, confidence, language, languageConfidence, automatedReason, identityNumbers);
    }

    public boolean automated() {
        return !automatedReason.isEmpty();
    }
}
