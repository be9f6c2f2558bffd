package org.privacymailbox.intake;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.privacymailbox.settings.InvalidSettingException;
import org.privacymailbox.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The privacy mailbox. With {@code embedded} (the default) the service itself serves it on loopback, for trying the
 * service and for tests; otherwise it polls a real IMAP server, whose password then must come from the environment.
 */
@ConfigurationProperties("privacy-mailbox.mailbox")
public record MailboxSettings(
        @DefaultValue("nordic.dataprivacy@example.com") String address,
        boolean embedded,
        String protocol,
        @DefaultValue("false") boolean starttls,
        String host,
        int port,
        String username,
        String password,
        String folder,
        String processedFolder,
        String quarantineFolder,
        Duration pollInterval,
        int maxMessagesPerPoll,
        @DefaultValue("4") int workers,
        Path trustStore,
        String trustStorePassword,
        @DefaultValue("30s") Duration timeout) {

    private static final String PREFIX = "privacy-mailbox.mailbox.";

    public MailboxSettings {
        address = Settings.requireAddress(PREFIX + "address", address);
        protocol = Settings.requireOneOf(PREFIX + "protocol", protocol, Set.of("imap", "imaps"));
        host = Settings.requireText(PREFIX + "host", host);
        Settings.requirePort(PREFIX + "port", port);
        username = username == null || username.isBlank() ? address : username.strip();
        if (password == null || password.isEmpty()) {
            if (!embedded) {
                throw new InvalidSettingException(PREFIX + "password", "must be set when the mailbox is not embedded");
            }
            password = address; // the embedded server's convention: password = address
        }
        folder = Settings.requireText(PREFIX + "folder", folder);
        processedFolder = Settings.requireText(PREFIX + "processed-folder", processedFolder);
        quarantineFolder = Settings.requireText(PREFIX + "quarantine-folder", quarantineFolder);
        if (processedFolder.equalsIgnoreCase(folder) || quarantineFolder.equalsIgnoreCase(folder)
                || processedFolder.equalsIgnoreCase(quarantineFolder)) {
            throw new InvalidSettingException(PREFIX + "processed-folder",
                    "the folder polled, the processed folder and the quarantine folder must all differ");
        }
        Settings.requireAtLeast(PREFIX + "poll-interval", pollInterval, Duration.ofMillis(100));
        Settings.requirePositive(PREFIX + "max-messages-per-poll", maxMessagesPerPoll);
        Settings.requirePositive(PREFIX + "workers", workers);
        Settings.requireAtLeast(PREFIX + "timeout", timeout, Duration.ofSeconds(1));
        if (trustStore != null && !trustStore.toFile().isFile()) {
            throw new InvalidSettingException(PREFIX + "trust-store", "file not found: " + trustStore);
        }
    }

    public long pollIntervalMillis() {
        return pollInterval.toMillis();
    }

    @Override
    public String toString() {
        return "MailboxSettings[" + protocol + "://" + username + "@" + host + ":" + port + "/" + folder + "]";
    }
}
