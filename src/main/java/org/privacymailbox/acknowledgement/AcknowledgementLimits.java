package org.privacymailbox.acknowledgement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caps acknowledgements: a few per sender in 24 hours (one person writing ten times, or a loop with a machine we did
 * not recognise, gets no more), and a circuit breaker for the whole service: more than the limit in a minute means
 * something is wrong (a mail storm, a forged campaign), so every acknowledgement stops until the cool-down has
 * passed. Kept in files under the data directory, so a restart neither forgets the counts nor closes the breaker.
 * What was sent to whom is kept per day (a file per sender, named by the hash of the address, in a directory per UTC
 * day) and forgotten after two days: the count needs the last 24 hours only, and a tool for a breach keeps no trace
 * of a person longer than it needs.
 */
public class AcknowledgementLimits {

    private static final Logger LOG = LoggerFactory.getLogger(AcknowledgementLimits.class);
    private static final Duration SENDER_WINDOW = Duration.ofHours(24);
    private static final Duration SERVICE_WINDOW = Duration.ofMinutes(1);

    private final Path directory;
    private final int maxPerSender;
    private final int maxPerMinute;
    private final Duration cooldown;
    private final Clock clock;
    /**
     * What the file {@code last-minute} holds, read at the first admission and written through at every one: it was
     * read back each time, for a count only this object changes.
     */
    private SortedMap<Long, Integer> lastMinute;

    public AcknowledgementLimits(Path directory, int maxPerSender, int maxPerMinute, Duration cooldown, Clock clock) {
        this.directory = directory;
        this.maxPerSender = maxPerSender;
        this.maxPerMinute = maxPerMinute;
        this.cooldown = cooldown;
        this.clock = clock;
        try {
            Files.createDirectories(directory.resolve("senders"));
            adoptFilesOfTheOlderLayout(directory.resolve("senders"), clock.instant());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create or read " + directory, e);
        }
    }

    /**
     * Before days had directories of their own, each sender had one file for all time, directly in {@code senders}:
     * what it holds of the last 24 hours moves into today's directory, the rest is deleted.
     */
    private static void adoptFilesOfTheOlderLayout(Path senders, Instant now) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(senders)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        Path todaysDirectory = senders.resolve(dayOf(now).toString());
        for (Path file : files) {
            List<Instant> recent = recent(file, now.minus(SENDER_WINDOW));
            if (!recent.isEmpty()) {
                Files.createDirectories(todaysDirectory);
                store(todaysDirectory.resolve(file.getFileName()), recent);
            }
            Files.delete(file);
        }
    }

    private static LocalDate dayOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate();
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
        Path service = directory.resolve("last-minute");
        if (lastMinute == null) {
            lastMinute = perSecond(service, now.minus(SERVICE_WINDOW));
        }
        lastMinute.headMap(now.minus(SERVICE_WINDOW).getEpochSecond()).clear();
        int inLastMinute = lastMinute.values().stream().mapToInt(Integer::intValue).sum();
        if (inLastMinute >= maxPerMinute) {
            Instant until = now.plus(cooldown);
            String reason = "circuit breaker open until " + until + ": " + inLastMinute
                    + " acknowledgements in the last minute reached the limit of " + maxPerMinute;
            Files.writeString(directory.resolve("breaker"), until + "\n" + reason + "\n", StandardCharsets.UTF_8);
            LOG.warn("acknowledgements stopped: {}", reason);
            return AcknowledgementDecision.suppress(reason);
        }
        Path senders = directory.resolve("senders");
        String name = hash(decision.recipient());
        LocalDate today = dayOf(now);
        Instant since = now.minus(SENDER_WINDOW);
        Path todaysDirectory = senders.resolve(today.toString());
        List<Instant> todays = recent(todaysDirectory.resolve(name), since);
        int inLastDay = todays.size() + recent(senders.resolve(today.minusDays(1).toString()).resolve(name), since).size();
        if (inLastDay >= maxPerSender) {
            return AcknowledgementDecision.suppress("already " + inLastDay + " acknowledgements to this sender in 24 hours");
        }
        lastMinute.merge(now.getEpochSecond(), 1, Integer::sum);
        todays.add(now);
        storePerSecond(service, lastMinute);
        if (!Files.isDirectory(todaysDirectory)) {
            Files.createDirectories(todaysDirectory);
            forgetDaysBefore(senders, today.minusDays(1));
        }
        store(todaysDirectory.resolve(name), todays);
        return decision;
    }

    /** Runs once a day, when the day's directory is made: the older days' directories go, with every file in them. */
    private static void forgetDaysBefore(Path senders, LocalDate oldestKept) throws IOException {
        List<Path> days;
        try (Stream<Path> listing = Files.list(senders)) {
            days = listing.filter(Files::isDirectory).toList();
        }
        for (Path day : days) {
            if (isDayBefore(day.getFileName().toString(), oldestKept)) {
                deleteDirectory(day);
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

    private static void deleteDirectory(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
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

    private static List<Instant> recent(Path file, Instant since) throws IOException {
        List<Instant> recent = new ArrayList<>();
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    Instant at = Instant.parse(line.strip());
                    if (at.isAfter(since)) {
                        recent.add(at);
                    }
                } catch (DateTimeParseException e) {
                    skipDamaged(file);
                }
            }
        }
        return recent;
    }

    /**
     * The service's acknowledgements counted per second, at most 60 lines however high the limit: one line per
     * acknowledgement made every admission read and write the whole minute, thousands of lines at the rates after a
     * breach notice. A second that began before {@code since} still counts, so the breaker errs towards stopping.
     * Lines of the older format, one instant per acknowledgement, are read as they are.
     */
    private static SortedMap<Long, Integer> perSecond(Path file, Instant since) throws IOException {
        SortedMap<Long, Integer> counts = new TreeMap<>();
        if (Files.isRegularFile(file)) {
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
        }
        return counts;
    }

    /**
     * A file is written over in place without a sync, so a crash can leave a line cut or mixed with the one before.
     * The limits are a safeguard, not a record: a line that cannot be read is left out rather than stopping every
     * acknowledgement, and the file is written whole again at the next one.
     */
    private static void skipDamaged(Path file) {
        LOG.warn("acknowledgement limits: left out a line of {} that cannot be read", file.getFileName());
    }

    private static void storePerSecond(Path file, SortedMap<Long, Integer> counts) throws IOException {
        StringBuilder text = new StringBuilder();
        counts.forEach((second, count) -> text.append(second).append(' ').append(count).append('\n'));
        write(file, text);
    }

    private static void store(Path file, List<Instant> times) throws IOException {
        StringBuilder text = new StringBuilder();
        times.forEach(time -> text.append(time).append('\n'));
        write(file, text);
    }

    /**
     * Written over in place and cut to its new length, not emptied first: a file emptied gives its block back and
     * takes a new one at every acknowledgement, which on a disk mounted with discard is also a request to the device.
     */
    private static void write(Path file, CharSequence text) throws IOException {
        ByteBuffer bytes = StandardCharsets.US_ASCII.encode(CharBuffer.wrap(text));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            int length = bytes.remaining();
            while (bytes.hasRemaining()) {
                channel.write(bytes, length - bytes.remaining());
            }
            channel.truncate(length);
        }
    }

    /** The address is personal data: the file is named by its hash. */
    private static String hash(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
