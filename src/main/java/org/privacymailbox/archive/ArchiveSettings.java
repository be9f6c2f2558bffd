package org.privacymailbox.archive;

import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code checkpoint-sync}: {@code file-system} syncs the archive's whole file system at an import's checkpoint, which
 * also writes out what other programs left unwritten there; {@code each-file} syncs the files one by one, for a data
 * directory on a file system shared with busy programs.
 */
@ConfigurationProperties("privacy-mailbox.archive")
public record ArchiveSettings(@DefaultValue("file-system") CheckpointSync checkpointSync) {

    public ArchiveSettings {
        if (checkpointSync == null) {
            throw new InvalidSettingException("privacy-mailbox.archive.checkpoint-sync", "must be file-system or each-file");
        }
    }
}
