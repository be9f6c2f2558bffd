package org.privacymailbox.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.Topic;

class RoutingSettingsTest {

    private final RoutingSettings settings = new RoutingSettings("privacy.inquiries", "billing.inquiries", "general.inquiries", 0.5);

    private static Classification decided(Topic topic, double confidence) {
        return new Classification(topic, confidence, "da", 0.9, topic == Topic.AUTOMATED ? "Auto-Submitted" : "", List.of());
    }

    @Test
    void confidentDecisionsGoToTheirTopicsQueue() {
        assertThat(settings.queueFor(decided(Topic.PRIVACY, 0.9))).isEqualTo("privacy.inquiries");
        assertThat(settings.queueFor(decided(Topic.BILLING, 0.5))).isEqualTo("billing.inquiries");
    }

    @Test
    void thinEvidenceGoesToTheGeneralQueueForAPersonToTriage() {
        assertThat(settings.queueFor(decided(Topic.PRIVACY, 0.33))).isEqualTo("general.inquiries");
        assertThat(settings.queueFor(decided(Topic.BILLING, 0.2))).isEqualTo("general.inquiries");
    }

    @Test
    void automatedMailGoesNowhere() {
        assertThat(settings.queueFor(decided(Topic.AUTOMATED, 1.0))).isNull();
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new RoutingSettings("a", "b", "c", 1.5)).hasMessageContaining("privacy-mailbox.routing.min-confidence");
    }
}
