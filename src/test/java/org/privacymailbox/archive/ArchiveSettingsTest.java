package org.privacymailbox.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ArchiveSettingsTest {

    private static ArchiveSettings bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("privacy-mailbox.archive", ArchiveSettings.class);
    }

    @Test
    void anImportSyncsTheArchivesFileSystemUnlessToldToSyncEachFile() {
        assertThat(bound(Map.of()).checkpointSync()).isEqualTo(CheckpointSync.FILE_SYSTEM);
        assertThat(bound(Map.of("privacy-mailbox.archive.checkpoint-sync", "each-file")).checkpointSync()).isEqualTo(CheckpointSync.EACH_FILE);
    }

    @Test
    void anUnknownWayOfSyncingIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> bound(Map.of("privacy-mailbox.archive.checkpoint-sync", "never")))
                .isInstanceOf(BindException.class).hasMessageContaining("privacy-mailbox.archive.checkpoint-sync");
    }
}
