package org.privacymailbox.privacy;

import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code identityKey}: the secret behind identity-number hashes, 64 hex characters, from the environment. When
 * unset, one is generated into the data directory on first start.
 */
@ConfigurationProperties("privacy-mailbox.privacy")
public record PrivacySettings(String identityKey) {

    public PrivacySettings {
        if (identityKey != null && !identityKey.isBlank() && !identityKey.strip().matches("[0-9a-fA-F]{64,}")) {
            throw new InvalidSettingException("privacy-mailbox.privacy.identity-key", "must be at least 64 hexadecimal characters");
        }
    }
}
