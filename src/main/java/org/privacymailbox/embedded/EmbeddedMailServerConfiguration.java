package org.privacymailbox.embedded;

import org.privacymailbox.acknowledgement.SmtpSettings;
import org.privacymailbox.intake.MailboxSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

@Configuration(proxyBeanMethods = false)
@Profile("!import")
@ConditionalOnProperty(name = "privacy-mailbox.mailbox.embedded", havingValue = "true", matchIfMissing = true)
class EmbeddedMailServerConfiguration {

    /** Named so that the Camel context can be made to wait for it: the mailbox must be up before the first poll. */
    @Bean(name = "embeddedMailServer", destroyMethod = "close")
    EmbeddedMailServer embeddedMailServer(MailboxSettings mailbox, SmtpSettings smtp) {
        return new EmbeddedMailServer(mailbox, smtp);
    }
}
