package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcknowledgementLimitsTest {

    @TempDir
    Path dir;

    private static AcknowledgementDecision to(String address) {
        return AcknowledgementDecision.sendTo(address);
    }

    @Test
    void oneSenderGetsAtMostTheLimitIn24Hours() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC);
        AcknowledgementLimits limits = new AcknowledgementLimits(dir, 3, 100, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 3; i++) {
            assertThat(limits.admit(to("Kirsten@example.dk")).send()).isTrue();
        }
        assertThat(limits.admit(to("kirsten@example.dk")).reason()).contains("already 3 acknowledgements to this sender");
        assertThat(limits.admit(to("ole@example.dk")).send()).isTrue();
        AcknowledgementLimits nextDay = new AcknowledgementLimits(dir, 3, 100, Duration.ofMinutes(15),
                Clock.offset(clock, Duration.ofHours(25)));
        assertThat(nextDay.admit(to("kirsten@example.dk")).send()).isTrue();
    }

    @Test
    void theCircuitBreakerStopsEveryAcknowledgementSurvivesARestartAndClosesAfterTheCooldown() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-04-01T10:00:00Z"), ZoneOffset.UTC);
        AcknowledgementLimits limits = new AcknowledgementLimits(dir, 100, 5, Duration.ofMinutes(15), clock);
        for (int i = 0; i < 5; i++) {
            assertThat(limits.admit(to("sender" + i + "@example.dk")).send()).isTrue();
        }
        assertThat(limits.admit(to("another@example.dk")).reason()).contains("circuit breaker open");
        AcknowledgementLimits restarted = new AcknowledgementLimits(dir, 100, 5, Duration.ofMinutes(15), Clock.offset(clock, Duration.ofMinutes(5)));
        assertThat(restarted.breakerOpen()).isPresent();
        assertThat(restarted.admit(to("someone@example.dk")).send()).isFalse();
        AcknowledgementLimits later = new AcknowledgementLimits(dir, 100, 5, Duration.ofMinutes(15), Clock.offset(clock, Duration.ofMinutes(16)));
        assertThat(later.breakerOpen()).isEmpty();
        assertThat(later.admit(to("someone@example.dk")).send()).isTrue();
    }

    @Test
    void theServiceCountIsKeptPerSecondSoAHighLimitStaysCheap() throws Exception {
        Instant start = Instant.parse("2026-04-01T10:00:00Z");
        for (int i = 0; i < 3000; i++) {
            Clock clock = Clock.fixed(start.plusMillis(i * 20L), ZoneOffset.UTC);
            AcknowledgementLimits limits = new AcknowledgementLimits(dir, 5, 100_000, Duration.ofMinutes(15), clock);
            assertThat(limits.admit(to("sender" + i + "@example.dk")).send()).isTrue();
        }

        assertThat(Files.readAllLines(dir.resolve("last-minute"))).hasSize(60).contains("1775037659 50");
    }

    @Test
    void theBreakerCountsAcknowledgementsOfTheLastMinuteOnlyAndReadsTheOlderFileFormat() throws Exception {
        Instant now = Instant.parse("2026-04-01T10:00:00Z");
        Files.writeString(dir.resolve("last-minute"), "2026-04-01T09:58:30Z\n2026-04-01T09:59:30Z\n2026-04-01T09:59:31Z\n");
        AcknowledgementLimits limits = new AcknowledgementLimits(dir, 100, 3, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));

        assertThat(limits.admit(to("a@example.dk")).send()).as("two in the last minute, the limit is three").isTrue();
        assertThat(limits.admit(to("b@example.dk")).reason()).contains("circuit breaker open").contains("3 acknowledgements");
    }

    @Test
    void aDecisionNotToSendPassesUntouchedAndIsNotCounted() throws Exception {
        AcknowledgementLimits limits = new AcknowledgementLimits(dir, 1, 1, Duration.ofMinutes(1), Clock.systemUTC());
        assertThat(limits.admit(AcknowledgementDecision.suppress("automated")).reason()).isEqualTo("automated");
        assertThat(limits.admit(to("a@example.dk")).send()).isTrue();
    }
}
