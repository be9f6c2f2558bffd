package org.privacymailbox.extraction;

import java.time.Duration;
import org.privacymailbox.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

@ConfigurationProperties("privacy-mailbox.extraction")
public record ExtractionSettings(
        @DefaultValue("50MB") DataSize maxAttachmentSize,
        @DefaultValue("2000000") int maxCharacters,
        @DefaultValue("60s") Duration timeout) {

    public ExtractionSettings {
        Settings.requirePositive("privacy-mailbox.extraction.max-attachment-size", maxAttachmentSize.toBytes());
        Settings.requirePositive("privacy-mailbox.extraction.max-characters", maxCharacters);
        Settings.requireAtLeast("privacy-mailbox.extraction.timeout", timeout, Duration.ofSeconds(1));
    }
}
