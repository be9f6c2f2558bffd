package org.privacymailbox.archive;

import org.privacymailbox.settings.DataSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ArchiveConfiguration {

    @Bean
    RawArchive rawArchive(DataSettings data) {
        return new RawArchive(data.resolve("archive"));
    }
}
