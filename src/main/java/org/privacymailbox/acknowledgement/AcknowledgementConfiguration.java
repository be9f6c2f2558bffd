package org.privacymailbox.acknowledgement;

import jakarta.mail.PasswordAuthentication;
import java.util.Properties;
import org.apache.camel.component.mail.MailAuthenticator;
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
        return new MailAuthenticator() {
            @Override
            public PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username(), settings.password());
            }
        };
    }

    @Bean
    Properties smtpJavaMailProperties(SmtpSettings settings) {
        Properties properties = new Properties();
        String p = "mail." + settings.protocol() + ".";
        String millis = Long.toString(settings.timeout().toMillis());
        properties.setProperty(p + "connectiontimeout", millis);
        properties.setProperty(p + "timeout", millis);
        properties.setProperty(p + "writetimeout", millis);
        if (settings.starttls()) {
            properties.setProperty(p + "starttls.enable", "true");
            properties.setProperty(p + "starttls.required", "true");
        }
        if (settings.starttls() || settings.protocol().equals("smtps")) {
            properties.setProperty(p + "ssl.checkserveridentity", "true");
        }
        return properties;
    }
}
