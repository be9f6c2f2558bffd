package org.privacymailbox.rights;

import java.time.Clock;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.intake.MailboxEraser;
import org.privacymailbox.search.MailSearch;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@Profile("!import")
class RightsConfiguration {

    @Bean
    PersonData personData(MailSearch search, MailIndex index, RawArchive archive, AuditLog audit, MailboxEraser mailbox) {
        return new PersonData(search, index, archive, audit, mailbox);
    }

    @Bean
    Retention retention(RetentionSettings settings, MailIndex index, RawArchive archive, AuditLog audit, Clock clock) {
        return new Retention(settings, index, archive, audit, clock);
    }
}
