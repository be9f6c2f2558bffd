package org.privacymailbox.archive;

import org.privacymailbox.settings.DataSettings;
import org.privacymailbox.storage.Checkpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    @Bean
    RawArchive rawArchive(DataSettings data, ArchiveSettings settings, ObjectProvider<Checkpoint> checkpoint) {
        return new RawArchive(data.resolve("archive"), checkpoint.getIfAvailable(), settings.checkpointSync());
    }
}
