package org.privacymailbox.routing;

import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;
import org.privacymailbox.settings.InvalidSettingException;
import org.privacymailbox.settings.Settings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("privacy-mailbox.routing")
public record RoutingSettings(
        String privacyQueue,
        String billingQueue,
        String generalQueue,
        @DefaultValue("0.5") double minConfidence) {

    public RoutingSettings {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new InvalidSettingException("privacy-mailbox.routing.min-confidence", "must be between 0 and 1, was " + minConfidence);
        }
        privacyQueue = queueName("privacy-mailbox.routing.privacy-queue", privacyQueue);
        billingQueue = queueName("privacy-mailbox.routing.billing-queue", billingQueue);
        generalQueue = queueName("privacy-mailbox.routing.general-queue", generalQueue);
    }

    /**
     * The queue for a decision: none for automated mail, which no one needs to handle; the general queue, for a
     * person to triage, when the topic was guessed from thin evidence rather than recognised.
     */
    public String queueFor(Classification classification) {
        if (classification.topic() != Topic.AUTOMATED && classification.confidence() < minConfidence) {
            return generalQueue;
        }
        return queueFor(classification.topic());
    }

    /** The queue for mail of this topic; none for automated mail, which no one needs to handle. */
    public String queueFor(Topic topic) {
        return switch (topic) {
            case PRIVACY -> privacyQueue;
            case BILLING -> billingQueue;
            case OTHER -> generalQueue;
            case AUTOMATED -> null;
        };
    }

    private static String queueName(String setting, String value) {
        String name = Settings.requireText(setting, value);
        if (!name.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new InvalidSettingException(setting, "must be a queue name of letters, digits, '.', '_' or '-', was '" + value + "'");
        }
        return name;
    }
}
