package org.privacymailbox.acknowledgement;

import java.time.Duration;
import java.time.ZoneId;
import org.privacymailbox.settings.InvalidSettingException;
import org.privacymailbox.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * How customers are answered.
 *
 * @param displayName the name beside the mailbox address in From
 * @param timeZone the zone in which due dates are stated to customers
 * @param templates the directory with one {@code <language>.properties} of texts per language
 * @param companyName the company named in the signature
 * @param contactAddress where customers turn with questions that are neither privacy nor billing; the mailbox when empty
 * @param maxPerSender acknowledgements to one sender in 24 hours; more mail from them is processed but not answered
 * @param maxPerMinute acknowledgements of the whole service per minute; above it every acknowledgement stops (circuit
 *     breaker) until {@code breakerCooldown} has passed
 * @param authservId the authserv-id of our own receiving server in {@code Authentication-Results}; when empty, the
 *     topmost such header (added last, by our server) is trusted
 * @param outboxQueue the persistent queue acknowledgements wait in until the SMTP server takes them
 * @param retryDelay the first wait after the SMTP server refused or could not be reached; doubled each time
 * @param retryMaxDelay the longest wait between attempts (the embedded broker; configure an external one alike)
 */
@ConfigurationProperties("privacy-mailbox.acknowledgement")
public record AcknowledgementSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("Data Protection") String displayName,
        @DefaultValue("Europe/Copenhagen") String timeZone,
        @DefaultValue("classpath:acknowledgement/") Resource templates,
        @DefaultValue("Data Protection Office") String companyName,
        @DefaultValue("") String contactAddress,
        @DefaultValue("3") int maxPerSender,
        @DefaultValue("30") int maxPerMinute,
        @DefaultValue("15m") Duration breakerCooldown,
        @DefaultValue("") String authservId,
        @DefaultValue("acknowledgement.outbox") String outboxQueue,
        @DefaultValue("10s") Duration retryDelay,
        @DefaultValue("10m") Duration retryMaxDelay) {

    public AcknowledgementSettings {
        try {
            ZoneId.of(timeZone);
        } catch (RuntimeException e) {
            throw new InvalidSettingException("privacy-mailbox.acknowledgement.time-zone", "unknown time zone '" + timeZone + "'");
        }
        oneLine("privacy-mailbox.acknowledgement.display-name", displayName);
        oneLine("privacy-mailbox.acknowledgement.company-name", companyName);
        oneLine("privacy-mailbox.acknowledgement.contact-address", contactAddress);
        oneLine("privacy-mailbox.acknowledgement.authserv-id", authservId);
        Settings.requirePositive("privacy-mailbox.acknowledgement.max-per-sender", maxPerSender);
        Settings.requirePositive("privacy-mailbox.acknowledgement.max-per-minute", maxPerMinute);
        Settings.requireAtLeast("privacy-mailbox.acknowledgement.breaker-cooldown", breakerCooldown, Duration.ofSeconds(1));
        Settings.requireAtLeast("privacy-mailbox.acknowledgement.retry-delay", retryDelay, Duration.ofMillis(100));
        Settings.requireAtLeast("privacy-mailbox.acknowledgement.retry-max-delay", retryMaxDelay, retryDelay);
        if (outboxQueue == null || !outboxQueue.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new InvalidSettingException("privacy-mailbox.acknowledgement.outbox-queue", "must be a queue name of letters, digits, '.', '_' or '-'");
        }
    }

    private static void oneLine(String setting, String value) {
        if (value == null || value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSettingException(setting, "must be one line of text");
        }
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }
}
