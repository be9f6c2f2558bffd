package org.privacymailbox.intake;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** Whether the mailbox can be reached and logged into, and its folder exists. */
// the import command has no health endpoint; checking would open the index or the mailbox for nothing
@Profile("!import")
@Component("mailbox")
class MailboxHealthIndicator implements HealthIndicator {

    private final MailboxSettings settings;

    MailboxHealthIndicator(MailboxSettings settings) {
        this.settings = settings;
    }

    @Override
    public Health health() {
        try (Store store = MailboxAccess.connect(settings)) {
            Folder folder = store.getFolder(settings.folder());
            if (!folder.exists()) {
                return Health.down().withDetail("server", settings.host() + ":" + settings.port())
                        .withDetail("error", "folder " + settings.folder() + " does not exist").build();
            }
            return Health.up().withDetail("server", settings.host() + ":" + settings.port())
                    .withDetail("folder", settings.folder()).withDetail("messages", folder.getMessageCount()).build();
        } catch (MessagingException e) {
            return Health.down().withDetail("server", settings.host() + ":" + settings.port())
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
