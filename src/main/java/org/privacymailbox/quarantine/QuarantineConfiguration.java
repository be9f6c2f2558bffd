package org.privacymailbox.quarantine;

import java.time.Clock;
import org.privacymailbox.intake.MailboxSettings;
import org.privacymailbox.settings.DataSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class QuarantineConfiguration {

    @Bean
    QuarantineRecorder quarantineRecorder(DataSettings data, MailboxSettings mailbox, Clock clock) {
        return new QuarantineRecorder(data.resolve("quarantine"), mailbox.quarantineFolder(), clock);
    }
}
