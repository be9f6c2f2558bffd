package org.privacymailbox.cases;

import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("privacy-mailbox.cases")
public record CaseSettings(@DefaultValue("DPO") String referencePrefix, @DefaultValue("3") int maxAttempts) {

    public CaseSettings {
        if (maxAttempts < 1) {
            throw new InvalidSettingException("privacy-mailbox.cases.max-attempts", "must be at least 1, was " + maxAttempts);
        }
        if (referencePrefix == null || !referencePrefix.matches("[A-Z][A-Z0-9]{0,9}")) {
            throw new InvalidSettingException("privacy-mailbox.cases.reference-prefix",
                    "must be 1 to 10 capital letters or digits, starting with a letter, was '" + referencePrefix + "'");
        }
    }
}
