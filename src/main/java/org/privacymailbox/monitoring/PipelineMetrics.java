package org.privacymailbox.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.Locale;
import org.privacymailbox.acknowledgement.AcknowledgementDecision;
import org.privacymailbox.cases.Inquiry;

/**
 * What operators watch at {@code /actuator/prometheus}: mails received, processed and quarantined, queue messages
 * sent, acknowledgements sent and suppressed (by reason, in a few fixed words, never an address), extraction time,
 * index lag (from archiving a mail to its being searchable) and failed mailbox polls.
 */
public class PipelineMetrics {

    private final MeterRegistry registry;
    private final Counter received;
    private final Counter processed;
    private final Counter quarantined;
    private final Counter acknowledged;
    private final Counter pollErrors;
    private final Timer extraction;
    private final Timer indexLag;
    private final Clock clock;

    public PipelineMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.pollErrors = Counter.builder("privacymailbox.mailbox.poll.errors").description("polls that could not reach or read the mailbox")
                .register(registry);
        this.extraction = Timer.builder("privacymailbox.extraction.time").description("reading a mail and its attachments")
                .publishPercentileHistogram().register(registry);
        this.indexLag = Timer.builder("privacymailbox.index.lag").description("from archiving a mail to its being searchable")
                .publishPercentileHistogram().register(registry);
        this.received = Counter.builder("privacymailbox.mails.received").description("mails archived from the mailbox").register(registry);
        this.processed = Counter.builder("privacymailbox.mails.processed").description("mails through every stage").register(registry);
        this.quarantined = Counter.builder("privacymailbox.mails.quarantined").description("mails set aside with a reason").register(registry);
        this.acknowledged = Counter.builder("privacymailbox.acknowledgements.sent").description("acknowledgements handed to SMTP").register(registry);
    }

    /** A reading of the monotonic clock, to hand to {@link #extracted(long)}. */
    public long now() {
        return System.nanoTime();
    }

    public void extracted(long startedNanos) {
        extraction.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    public void searchable(Inquiry inquiry) {
        if (inquiry != null && inquiry.caseFile().openedAt() != null) {
            indexLag.record(Duration.between(inquiry.caseFile().openedAt(), clock.instant()));
        }
    }

    public void pollFailed() {
        pollErrors.increment();
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

    /** An acknowledgement whose send a crash interrupted: not repeated, so possibly never received. */
    public void interruptedAcknowledgement() {
        registry.counter("privacymailbox.acknowledgements.suppressed", "reason", "interrupted-send").increment();
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
