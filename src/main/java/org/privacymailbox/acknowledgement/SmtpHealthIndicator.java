package org.privacymailbox.acknowledgement;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import java.util.Properties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Whether the SMTP server for acknowledgements answers; while it does not, acknowledgements wait in the outbox. */
@Profile("!import")
@Component("smtp")
class SmtpHealthIndicator implements HealthIndicator {

    private final SmtpSettings settings;
    private final Properties properties;

    SmtpHealthIndicator(SmtpSettings settings, Properties smtpJavaMailProperties) {
        this.settings = settings;
        this.properties = smtpJavaMailProperties;
    }

    @Override
    public Health health() {
        String server = settings.host() + ":" + settings.port();
        try (Transport transport = Session.getInstance(properties).getTransport(settings.protocol())) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            return Health.up().withDetail("server", server).build();
        } catch (MessagingException e) {
            return Health.down().withDetail("server", server)
                    .withDetail("error", e.getClass().getSimpleName() + "; acknowledgements wait in the outbox").build();
        }
    }
}
