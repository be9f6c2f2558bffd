package org.privacymailbox.acknowledgement;

import java.time.Duration;
import java.util.Set;
import org.privacymailbox.settings.InvalidSettingException;
import org.privacymailbox.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The server acknowledgements are sent through; the embedded mail server by default. */
@ConfigurationProperties("privacy-mailbox.smtp")
public record SmtpSettings(
        String protocol,
        @DefaultValue("false") boolean starttls,
        String host,
        int port,
        String username,
        String password,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("100") int messagesPerConnection) {

    private static final String PREFIX = "privacy-mailbox.smtp.";

    public SmtpSettings {
        protocol = Settings.requireOneOf(PREFIX + "protocol", protocol, Set.of("smtp", "smtps"));
        host = Settings.requireText(PREFIX + "host", host);
        Settings.requirePort(PREFIX + "port", port);
        username = username == null || username.isBlank() ? null : username.strip();
        if (username != null && (password == null || password.isEmpty())) {
            throw new InvalidSettingException(PREFIX + "password", "must be set when " + PREFIX + "username is set");
        }
        Settings.requireAtLeast(PREFIX + "timeout", timeout, Duration.ofSeconds(1));
        if (messagesPerConnection < 1) {
            throw new InvalidSettingException(PREFIX + "messages-per-connection",
                    "must be at least 1 (1 opens a new connection for every acknowledgement)");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + protocol + "://" + (username == null ? "" : username + "@") + host + ":" + port + "]";
    }
}
