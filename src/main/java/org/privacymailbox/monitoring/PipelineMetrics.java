package org.privacymailbox.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.privacymailbox.acknowledgement.AcknowledgementDecision;

/**
 * The counters operators watch at {@code /actuator/prometheus}: mails received, processed and quarantined,
 * queue messages sent, acknowledgements sent and suppressed (by reason, in a few fixed words, never an address).
 */
public class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter processed;
    private final Counter quarantined;
    private final Counter acknowledged;

    public PipelineMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.received = Counter.builder("privacymailbox.mails.received").description("mails archived from the mailbox").register(registry);
        this.processed = Counter.builder("privacymailbox.mails.processed").description("mails through every stage").register(registry);
        this.quarantined = Counter.builder("privacymailbox.mails.quarantined").description("mails set aside with a reason").register(registry);
        this.acknowledged = Counter.builder("privacymailbox.acknowledgements.sent").description("acknowledgements handed to SMTP").register(registry);
    }

    public void received() {
        received.increment();
    }

    public void processed() {
        processed.increment();
    }

    public void quarantined() {
        quarantined.increment();
    }

    public void acknowledged() {
        acknowledged.increment();
    }

    public void routed(String queue) {
        registry.counter("privacymailbox.queue.sends", "queue", queue == null ? "none" : queue).increment();
    }

    public void decided(AcknowledgementDecision decision) {
        if (decision != null && !decision.send()) {
            registry.counter("privacymailbox.acknowledgements.suppressed", "reason", category(decision.reason())).increment();
        }
    }

    static String category(String reason) {
        String text = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
        if (text.startsWith("automated")) {
            return "automated";
        }
        if (text.startsWith("follow-up")) {
            return "follow-up";
        }
        if (text.contains("dmarc")) {
            return "dmarc-fail";
        }
        if (text.contains("circuit breaker")) {
            return "circuit-breaker";
        }
        if (text.contains("this sender")) {
            return "sender-limit";
        }
        if (text.contains("own address")) {
            return "own-address";
        }
        if (text.contains("sender address")) {
            return "invalid-sender";
        }
        return text.contains("switched off") ? "disabled" : "other";
    }
}
