package org.privacymailbox.acknowledgement;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
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
    void whatWasSentToWhomIsForgottenAfterTwoDays() throws Exception {
        Instant start = Instant.parse("2026-04-01T22:00:00Z");
        Path senders = dir.resolve("senders");
        // the oldest layout, one file per sender for all time: still counted, then forgotten like the rest
        Files.createDirectories(senders);
        Files.writeString(senders.resolve(sha256("kirsten@example.dk")), "2026-04-01T21:00:00Z\n2026-04-01T21:30:00Z\n");
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 3, 100, Duration.ofMinutes(15), Clock.fixed(start, ZoneOffset.UTC))) {
            assertThat(senders).as("taken into the day's log").doesNotExist();
            assertThat(limits.admit(to("anna@example.se")).send()).isTrue();
            assertThat(limits.admit(to("kirsten@example.dk")).send()).isTrue();
            assertThat(limits.admit(to("kirsten@example.dk")).reason()).contains("already 3 acknowledgements to this sender");
        }

        try (AcknowledgementLimits afterMidnight = new AcknowledgementLimits(dir, 3, 100, Duration.ofMinutes(15),
                Clock.fixed(start.plus(Duration.ofHours(4)), ZoneOffset.UTC))) {
            assertThat(afterMidnight.admit(to("kirsten@example.dk")).reason()).as("the last 24 hours span two days")
                    .contains("already 3 acknowledgements to this sender");
            assertThat(afterMidnight.admit(to("ole@example.no")).send()).isTrue();
        }

        try (AcknowledgementLimits twoDaysLater = new AcknowledgementLimits(dir, 3, 100, Duration.ofMinutes(15),
                Clock.fixed(Instant.parse("2026-04-03T09:00:00Z"), ZoneOffset.UTC))) {
            assertThat(twoDaysLater.admit(to("mikko@example.fi")).send()).isTrue();
        }
        assertThat(lines("sent-2026-04-02")).as("the first day's traces are gone; the second day's are kept until the third is over")
                .containsExactly(Instant.parse("2026-04-02T02:00:00Z").getEpochSecond() + " " + sha256("ole@example.no"));
        assertThat(lines("sent-2026-04-03")).containsExactly(Instant.parse("2026-04-03T09:00:00Z").getEpochSecond() + " " + sha256("mikko@example.fi"));
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("sent-2026-04-02", "sent-2026-04-03");
        }
    }

    @Test
    void aServiceRunningPastMidnightForgetsTheDayBeforeYesterday() throws Exception {
        SettableClock clock = new SettableClock();
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 1, 100, Duration.ofMinutes(15), clock)) {
            assertThat(limits.admit(to("kirsten@example.dk")).send()).isTrue();
            clock.advance(Duration.ofHours(23));
            assertThat(limits.admit(to("kirsten@example.dk")).send()).as("23 hours later").isFalse();
            assertThat(limits.admit(to("ole@example.no")).send()).isTrue();
            clock.advance(Duration.ofHours(2));
            assertThat(limits.admit(to("kirsten@example.dk")).send()).as("25 hours later").isTrue();
            clock.advance(Duration.ofDays(1));
            assertThat(limits.admit(to("mikko@example.fi")).send()).isTrue();
        }
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("sent-2026-12-01", "sent-2026-12-02");
        }
    }

    private static String sha256(String address) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> lines(String file) throws Exception {
        return Files.readAllLines(dir.resolve(file), StandardCharsets.US_ASCII);
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
    void theMinuteCountOutlivesARestart() throws Exception {
        SettableClock clock = new SettableClock();
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 5, 5, Duration.ofMinutes(15), clock)) {
            for (int i = 0; i < 4; i++) {
                assertThat(limits.admit(to("sender" + i + "@example.dk")).send()).isTrue();
            }
        }
        clock.advance(Duration.ofSeconds(30));
        try (AcknowledgementLimits restarted = new AcknowledgementLimits(dir, 5, 5, Duration.ofMinutes(15), clock)) {
            assertThat(restarted.admit(to("sender4@example.dk")).send()).isTrue();
            assertThat(restarted.admit(to("sender5@example.dk")).reason()).contains("circuit breaker open").contains("5 acknowledgements");
        }
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
    void eachAcknowledgementIsOneLineOfTheDaysLogWithoutTheAddress() throws Exception {
        SettableClock clock = new SettableClock();
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 5, 100, Duration.ofMinutes(15), clock)) {
            for (int i = 0; i < 10; i++) {
                assertThat(limits.admit(to("sender" + i + "@example.dk")).send()).isTrue();
                clock.advance(Duration.ofSeconds(1));
            }
        }
        List<String> lines = lines("sent-2026-11-30");
        assertThat(lines).hasSize(10).first().isEqualTo(Instant.parse("2026-11-30T08:00:00Z").getEpochSecond() + " " + sha256("sender0@example.dk"));
        assertThat(String.join("\n", lines)).doesNotContain("example");
    }

    @Test
    void aLineACrashCutIsLeftOutAndAcknowledgementsGoOn() throws Exception {
        Instant now = Instant.parse("2026-04-01T10:00:00Z");
        long second = now.getEpochSecond();
        Files.writeString(dir.resolve("sent-2026-04-01"), second + " " + sha256("kirsten@example.dk") + "\n" + second + " "
                + sha256("ole@example.dk") + "\n" + second + " " + sha256("kirsten@example.dk").substring(0, 20));
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 2, 3, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC))) {
            assertThat(limits.admit(to("kirsten@example.dk")).send()).as("one readable acknowledgement to her, the limit is two").isTrue();
            assertThat(limits.admit(to("anna@example.se")).reason()).as("two readable and one new in the last minute").contains("circuit breaker open");
        }
        assertThat(lines("sent-2026-04-01")).as("the new line starts a line of its own").hasSize(4)
                .last().isEqualTo(second + " " + sha256("kirsten@example.dk"));
    }

    @Test
    void countsInTheOlderFilesAreTakenOverWithACutLineLeftOut() throws Exception {
        Instant now = Instant.parse("2026-04-01T10:00:00Z");
        Files.writeString(dir.resolve("last-minute"), now.getEpochSecond() + " 2\n75037650 1\n5 1x\n");
        Path today = dir.resolve("senders").resolve("2026-04-01");
        Files.createDirectories(today);
        Files.writeString(today.resolve(sha256("kirsten@example.dk")), "2026-04-01T09:00:00Z\n2026-04-01T09:3\n");
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 2, 3, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC))) {
            assertThat(limits.admit(to("kirsten@example.dk")).send()).as("one readable acknowledgement to her, the limit is two").isTrue();
            assertThat(limits.admit(to("ole@example.dk")).reason()).as("two readable and one new in the last minute").contains("circuit breaker open");
        }
        assertThat(dir.resolve("last-minute")).doesNotExist();
        assertThat(dir.resolve("senders")).doesNotExist();
    }

    @Test
    void aDecisionNotToSendPassesUntouchedAndIsNotCounted() throws Exception {
        try (AcknowledgementLimits limits = new AcknowledgementLimits(dir, 1, 1, Duration.ofMinutes(1), Clock.systemUTC())) {
            assertThat(limits.admit(AcknowledgementDecision.suppress("automated")).reason()).isEqualTo("automated");
            assertThat(limits.admit(to("a@example.dk")).send()).isTrue();
        }
    }
}
