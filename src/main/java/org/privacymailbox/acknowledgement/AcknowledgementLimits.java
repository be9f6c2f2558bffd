package org.privacymailbox.acknowledgement;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.privacymailbox.storage.AppendLog;
import org.privacymailbox.storage.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps acknowledgements: a few per sender in 24 hours (one person writing ten times, or a loop with a machine we did
 * not recognise, gets no more), and a circuit breaker for the whole service: more than the limit in a minute means
 * something is wrong (a mail storm, a forged campaign), so every acknowledgement stops until the cool-down has
 * passed. Kept under the data directory, so a restart neither forgets the counts nor closes the breaker.
 *
 * <p>What was sent to whom is one log per UTC day ({@code sent-2026-04-01}), a line per acknowledgement: the second
 * and the hash of the address. Both limits are counted from it, in memory, and it is read back at start. Logs older
 * than yesterday's are deleted: the count needs the last 24 hours only, and a tool for a breach keeps no trace of a
 * person longer than it needs. Before, every acknowledgement rewrote the minute's count file and a file per sender;
 * for a new sender that was a new file at every acknowledgement.
 */
public class AcknowledgementLimits implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementLimits.class);
    private static final Duration SENDER_WINDOW = Duration.ofHours(24);
    private static final Duration SERVICE_WINDOW = Duration.ofMinutes(1);
    private static final String DAY_LOG = "sent-";
    /** Stands for the sender in lines taken over from the older minute count, which did not say who. */
    private static final String UNKNOWN_SENDER = "-";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;
    private final int maxPerSender;
    private final int maxPerMinute;
    private final Duration cooldown;
    private final Clock clock;
    /** The seconds of each sender's acknowledgements in the last 24 hours or a little more, by the address's hash. */
    private final Map<String, List<Long>> sentTo = new HashMap<>();
    /** The service's acknowledgements per second; a second that began before the minute still counts. */
    private final SortedMap<Long, Integer> perSecond = new TreeMap<>();
    private LocalDate logDay;
    private AppendLog log;

    public AcknowledgementLimits(Path directory, int maxPerSender, int maxPerMinute, Duration cooldown, Clock clock) {
        this.directory = directory;
        this.maxPerSender = maxPerSender;
        this.maxPerMinute = maxPerMinute;
        this.cooldown = cooldown;
        this.clock = clock;
        Instant now = clock.instant();
        try {
            Files.createDirectories(directory);
            adoptOlderLayouts(now);
            forgetDaysBefore(dayOf(now).minusDays(1));
            for (LocalDate day : List.of(dayOf(now).minusDays(1), dayOf(now))) {
                readDayLog(day, now);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read " + directory, e);
        }
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private Path dayLog(LocalDate day) {
        return directory.resolve(DAY_LOG + day);
    }

    /** The decision, or a refusal when a limit is reached; counts what it lets through. */
    public synchronized AcknowledgementDecision admit(AcknowledgementDecision decision) throws IOException {
        if (!decision.send()) {
            return decision;
        }
        Instant now = clock.instant();
        Optional<String> open = breakerOpen();
        if (open.isPresent()) {
            return AcknowledgementDecision.suppress(open.get());
        }
        long second = now.getEpochSecond();
        perSecond.headMap(now.minus(SERVICE_WINDOW).getEpochSecond()).clear();
        int inLastMinute = perSecond.values().stream().mapToInt(Integer::intValue).sum();
        if (inLastMinute >= maxPerMinute) {
            Instant until = now.plus(cooldown);
            String reason = "circuit breaker open until " + until + ": " + inLastMinute
                    + " acknowledgements in the last minute reached the limit of " + maxPerMinute;
            Files.writeString(directory.resolve("breaker"), until + "\n" + reason + "\n", StandardCharsets.UTF_8);
            LOG.warn("acknowledgements stopped: {}", reason);
            return AcknowledgementDecision.suppress(reason);
        }
        String sender = hash(decision.recipient());
        long since = now.minus(SENDER_WINDOW).getEpochSecond();
        List<Long> sent = sentTo.getOrDefault(sender, List.of());
        int inLastDay = (int) sent.stream().filter(at -> at >= since).count();
        if (inLastDay >= maxPerSender) {
            return AcknowledgementDecision.suppress("already " + inLastDay + " acknowledgements to this sender in 24 hours");
        }
        appendToDayLog(dayOf(now), second, sender);
        remember(second, sender, since);
        return decision;
    }

    private void remember(long second, String sender, long since) {
        perSecond.merge(second, 1, Integer::sum);
        if (!UNKNOWN_SENDER.equals(sender)) {
            List<Long> sent = sentTo.computeIfAbsent(sender, key -> new ArrayList<>(2));
            sent.removeIf(at -> at < since);
            sent.add(second);
        }
    }

    /**
     * Written without a sync: the limits are a safeguard, not a record, and a crash loses at most the last moments'
     * counts. On a new day the older logs go, and senders heard from only before the last 24 hours are forgotten.
     */
    private void appendToDayLog(LocalDate day, long second, String sender) throws IOException {
        if (!day.equals(logDay)) {
            if (log != null) {
                log.close();
                forgetDaysBefore(day.minusDays(1));
                long since = second - SENDER_WINDOW.getSeconds();
                sentTo.values().removeIf(sent -> {
                    sent.removeIf(at -> at < since);
                    return sent.isEmpty();
                });
            }
            log = new AppendLog(dayLog(day));
            logDay = day;
        }
        log.append((second + " " + sender + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void readDayLog(LocalDate day, Instant now) throws IOException {
        Path file = dayLog(day);
        if (!Files.isRegularFile(file)) {
            return;
        }
        long since = now.minus(SENDER_WINDOW).getEpochSecond();
        long minuteAgo = now.minus(SERVICE_WINDOW).getEpochSecond();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            int space = line.indexOf(' ');
            String sender = space < 0 ? "" : line.substring(space + 1).strip();
            long second;
            try {
                second = Long.parseLong(space < 0 ? line : line.substring(0, space));
            } catch (NumberFormatException e) {
                second = -1;
            }
            if (second < 0 || !(SHA256.matcher(sender).matches() || UNKNOWN_SENDER.equals(sender))) {
                if (!line.isBlank()) {
                    skipDamaged(file);
                }
                continue;
            }
            if (second >= since) {
                remember(second, sender, since);
            }
        }
        perSecond.headMap(minuteAgo).clear();
    }

    /**
     * A line is appended without a sync, so a crash can leave one cut short. The limits are a safeguard, not a record:
     * a line that cannot be read is left out rather than stopping every acknowledgement.
     */
    private static void skipDamaged(Path file) {
        LOG.warn("acknowledgement limits: left out a line of {} that cannot be read", file.getFileName());
    }

    /** Runs at start and once a day: the older days' logs go. */
    private void forgetDaysBefore(LocalDate oldestKept) throws IOException {
        List<Path> logs;
        try (Stream<Path> listing = Files.list(directory)) {
            logs = listing.filter(file -> file.getFileName().toString().startsWith(DAY_LOG)).toList();
        }
        for (Path file : logs) {
            if (isDayBefore(file.getFileName().toString().substring(DAY_LOG.length()), oldestKept)) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static boolean isDayBefore(String name, LocalDate day) {
        try {
            return LocalDate.parse(name).isBefore(day);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Why acknowledgements are stopped, while the circuit breaker is open. */
    public synchronized Optional<String> breakerOpen() throws IOException {
        Path breaker = directory.resolve("breaker");
        if (!Files.isRegularFile(breaker)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(breaker, StandardCharsets.UTF_8);
        if (lines.size() < 2 || !Instant.parse(lines.get(0)).isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(lines.get(1));
    }

    @Override
    public synchronized void close() throws IOException {
        if (log != null) {
            log.close();
        }
    }

    /**
     * Earlier versions kept the minute's count in {@code last-minute} (a line per second, or before that per
     * acknowledgement) and a file per sender, in {@code senders/} and later in a directory per day under it. What
     * they hold of the last 24 hours goes into the day logs, and the files are deleted once it is there.
     */
    private void adoptOlderLayouts(Instant now) throws IOException {
        long since = now.minus(SENDER_WINDOW).getEpochSecond();
        SortedMap<LocalDate, StringBuilder> adopted = new TreeMap<>();
        List<Path> obsolete = new ArrayList<>();
        Path lastMinute = directory.resolve("last-minute");
        if (Files.isRegularFile(lastMinute)) {
            perSecondOfOlderFile(lastMinute, now.minus(SERVICE_WINDOW)).forEach((second, count) -> {
                for (int i = 0; i < count; i++) {
                    adopted.computeIfAbsent(dayOf(Instant.ofEpochSecond(second)), day -> new StringBuilder())
                            .append(second).append(' ').append(UNKNOWN_SENDER).append('\n');
                }
            });
            obsolete.add(lastMinute);
        }
        Path senders = directory.resolve("senders");
        if (Files.isDirectory(senders)) {
            List<Path> files;
            try (Stream<Path> listing = Files.walk(senders, 2)) {
                files = listing.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                String sender = file.getFileName().toString();
                for (Instant at : instantsOfOlderFile(file)) {
                    if (at.getEpochSecond() >= since && SHA256.matcher(sender).matches()) {
                        adopted.computeIfAbsent(dayOf(at), day -> new StringBuilder())
                                .append(at.getEpochSecond()).append(' ').append(sender).append('\n');
                    }
                }
            }
            try (Stream<Path> listing = Files.walk(senders)) {
                obsolete.addAll(listing.sorted(Comparator.reverseOrder()).toList());
            }
        }
        for (Map.Entry<LocalDate, StringBuilder> day : adopted.entrySet()) {
            try (AppendLog dayLog = new AppendLog(dayLog(day.getKey()))) {
                dayLog.append(day.getValue().toString().getBytes(StandardCharsets.US_ASCII));
            }
        }
        for (Path file : obsolete) {
            Files.deleteIfExists(file);
        }
    }

    private static List<Instant> instantsOfOlderFile(Path file) throws IOException {
        List<Instant> instants = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                instants.add(Instant.parse(line.strip()));
            } catch (DateTimeParseException e) {
                skipDamaged(file);
            }
        }
        return instants;
    }

    private static SortedMap<Long, Integer> perSecondOfOlderFile(Path file, Instant since) throws IOException {
        SortedMap<Long, Integer> counts = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String text = line.strip();
            if (text.isEmpty()) {
                continue;
            }
            int space = text.indexOf(' ');
            try {
                long second = space < 0 ? Instant.parse(text).getEpochSecond() : Long.parseLong(text.substring(0, space));
                int count = space < 0 ? 1 : Integer.parseInt(text.substring(space + 1).strip());
                if (second >= since.getEpochSecond()) {
                    counts.merge(second, count, Integer::sum);
                }
            } catch (DateTimeParseException | NumberFormatException e) {
                skipDamaged(file);
            }
        }
        return counts;
    }

    /** The address is personal data: the logs hold its hash. */
    private static String hash(String address) {
        return Sha256.hex(address.toLowerCase(Locale.ROOT));
    }
}
