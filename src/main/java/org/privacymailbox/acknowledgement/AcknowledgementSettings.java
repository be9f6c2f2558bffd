package org.privacymailbox.acknowledgement;

import java.time.ZoneId;
import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code displayName}: the name beside the mailbox address in From. {@code timeZone}: the zone in which due dates
 * are stated to customers.
 */
@ConfigurationProperties("privacy-mailbox.acknowledgement")
public record AcknowledgementSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("Data Protection") String displayName,
        @DefaultValue("Europe/Copenhagen") String timeZone) {

    public AcknowledgementSettings {
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("privacy-mailbox.acknowledgement.time-zone", "unknown time zone '" + timeZone + "'");
        }
        if (displayName == null || displayName.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingException("privacy-mailbox.acknowledgement.display-name", "must be one line of text");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
