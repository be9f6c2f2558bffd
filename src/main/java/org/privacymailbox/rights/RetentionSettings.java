package org.privacymailbox.rights;

import java.time.Duration;
import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code period}: mail older than this is erased by a daily job; unset (the default) keeps mail until staff erase
 * it. Set it to what the company's retention policy says, e.g. {@code 1095d}.
 */
@ConfigurationProperties("privacy-mailbox.retention")
public record RetentionSettings(Duration period) {

    public RetentionSettings {
        if (period != null && period.compareTo(Duration.ofDays(1)) < 0) {
            throw new InvalidSettingException("privacy-mailbox.retention.period", "must be at least one day, e.g. 1095d");
        }
    }
}
