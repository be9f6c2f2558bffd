package org.privacymailbox.settings;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where everything that must survive a restart lives: archive, index, case ledger, broker journal. */
@ConfigurationProperties("privacy-mailbox")
public record DataSettings(@DefaultValue("./data") Path dataDir) {

    public DataSettings {
        if (dataDir == null || dataDir.toString().isBlank()) {
            throw new InvalidSettingException("privacy-mailbox.data-dir", "must be set");
        }
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path resolve(String child) {
        return dataDir.resolve(child);
    }
}
