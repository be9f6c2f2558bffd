package org.privacymailbox.acknowledgement;

import java.io.IOException;
import java.time.Clock;
import java.util.Properties;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.privacymailbox.settings.DataSettings;
import org.privacymailbox.settings.InvalidSettingException;
import org.springframework.boot.artemis.autoconfigure.ArtemisConfigurationCustomizer;
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
        return new AcknowledgementPolicy(settings.enabled(), mailbox.address(), settings.authservId());
    }

    @Bean
    AcknowledgementComposer acknowledgementComposer(AcknowledgementSettings settings, MailboxSettings mailbox, IdentityMasker masker) {
        AcknowledgementTexts texts;
        try {
            texts = new AcknowledgementTexts(settings.templates());
        } catch (IOException e) {
            throw new InvalidSettingException("privacy-mailbox.acknowledgement.templates", e.getMessage());
        }
        return new AcknowledgementComposer(texts, masker, mailbox.address(), settings);
    }

    @Bean
    AcknowledgementLimits acknowledgementLimits(AcknowledgementSettings settings, DataSettings data, Clock clock) {
        return new AcknowledgementLimits(data.resolve("acknowledgements"), settings.maxPerSender(), settings.maxPerMinute(),
                settings.breakerCooldown(), clock);
    }

    @Bean
    AcknowledgementOutbox acknowledgementOutbox() {
        return new AcknowledgementOutbox();
    }

    /** The embedded broker retries the outbox with back-off, and never gives up: an SMTP outage only delays. */
    @Bean
    ArtemisConfigurationCustomizer outboxRedelivery(AcknowledgementSettings settings) {
        return configuration -> configuration.addAddressSetting(settings.outboxQueue(), new AddressSettings()
                .setRedeliveryDelay(settings.retryDelay().toMillis())
                .setRedeliveryMultiplier(2.0)
                .setMaxRedeliveryDelay(settings.retryMaxDelay().toMillis())
                .setMaxDeliveryAttempts(-1));
    }

    /** A null user name switches SMTP authentication off, as the embedded server needs none. */
    @Bean
    MailAuthenticator smtpAuthenticator(SmtpSettings settings) {
        return MailSessionProperties.authenticator(settings.username(), settings.password());
    }

    /** Camel's mail endpoint sets host, port, login and properties on it, as on its own sender. */
    @Bean(destroyMethod = "close")
    ReusedSmtpConnection acknowledgementSmtpConnection(SmtpSettings settings, Clock clock) {
        return new ReusedSmtpConnection(settings.messagesPerConnection(), clock);
    }

    @Bean
    Properties smtpJavaMailProperties(SmtpSettings settings) {
        return MailSessionProperties.of(settings.protocol(), settings.starttls(), settings.timeout(), null, null);
    }
}
