package org.privacymailbox.acknowledgement;

import java.util.Properties;
import org.apache.camel.component.mail.MailAuthenticator;
import org.privacymailbox.intake.MailSessionProperties;
import org.privacymailbox.intake.MailboxSettings;
import org.privacymailbox.privacy.IdentityMasker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AcknowledgementConfiguration {

    @Bean
    AcknowledgementPolicy acknowledgementPolicy(AcknowledgementSettings settings, MailboxSettings mailbox) {
        return new AcknowledgementPolicy(settings.enabled(), mailbox.address());
    }

    @Bean
    AcknowledgementComposer acknowledgementComposer(AcknowledgementSettings settings, MailboxSettings mailbox, IdentityMasker masker) {
        return new AcknowledgementComposer(new AcknowledgementTexts(), masker, mailbox.address(), settings);
    }

    /** A null user name switches SMTP authentication off, as the embedded server needs none. */
    @Bean
    MailAuthenticator smtpAuthenticator(SmtpSettings settings) {
        return MailSessionProperties.authenticator(settings.username(), settings.password());
    }

    @Bean
    Properties smtpJavaMailProperties(SmtpSettings settings) {
        return MailSessionProperties.of(settings.protocol(), settings.starttls(), settings.timeout(), null, null);
    }
}
