package org.privacymailbox.cases;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.privacymailbox.storage.AppendLog;
import org.privacymailbox.storage.Checkpoint;
import org.privacymailbox.storage.DurableFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case ledger as one append-only journal ({@code cases/journal}): every change appends the case's new state as
 * a JSON line, and a change returns only once its line is on disk. Writers that arrive while a sync is running are
 * made durable together by the next one (group commit), so a mail costs a share of a few fdatasyncs instead of an
 * fsynced file, a rename and a directory update per stage. Stages that are safe to repeat are written without
 * waiting ({@link Stage#syncedAtOnce()}); the next change that waits makes them durable too. At start the journal
 * is read back (the last line of a mail key wins; a line cut short by a crash never returned and is dropped) and
 * compacted when it has grown to several times what it holds. Case numbers continue from the highest one in the
 * journal. One process writes a data directory at a time (the index's write lock already ensures that).
 *
 * <p>For an import (given a {@link Checkpoint}) no change waits for the disk; the checkpoint syncs the journal before
 * the import sends the batch's queue messages or records its mails as completed. A crash may then take cases whose
 * numbers the index already used, so numbers are first reserved on disk, {@value #RESERVED_NUMBERS} at a time, in
 * {@code cases/numbers}: a number is never given twice, and a crash leaves at most that many unused. An import that
 * ends normally gives back what it did not use.
 */
public class FileCaseLedger implements CaseLedger, AutoCloseable {

    static final String JOURNAL = "journal";
    static final String NUMBERS = "numbers";
    static final int RESERVED_NUMBERS = 500;
    private static final int COMPACT_WHEN_LINES_PER_CASE = 3;
    private static final long COMPACT_FROM_BYTES = 1 << 20;

    private final Path root;
    private final Path journal;
    private final String referencePrefix;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, CaseFile> cases = new HashMap<>();
    private final Map<String, String> mailKeyByReference = new HashMap<>();
    private final Map<Integer, Long> lastSequenceByYear = new HashMap<>();
    private final AppendLog log;
    private final boolean syncAtCheckpoints;
    /** The last case number reserved on disk, by year; only an import reserves. */
    private final Map<Integer, Long> reservedByYear = new HashMap<>();
    private final AppendLog reservations;

    public FileCaseLedger(Path root, String referencePrefix, Clock clock) {
        this(root, referencePrefix, clock, null);
    }

    /** With a {@code checkpoint}, for an import: changes are made durable by it instead of each on its own. */
    public FileCaseLedger(Path root, String referencePrefix, Clock clock, Checkpoint checkpoint) {
        this.root = root;
        this.journal = root.resolve(JOURNAL);
        this.referencePrefix = referencePrefix;
        this.clock = clock;
        try {
            Files.createDirectories(root);
            long lines = Files.exists(journal) ? replay() : migrateCaseFiles();
            if (lines > (long) COMPACT_WHEN_LINES_PER_CASE * Math.max(1, cases.size()) && Files.size(journal) > COMPACT_FROM_BYTES) {
                compact();
            }
            readReservations();
            log = new AppendLog(journal);
            syncAtCheckpoints = checkpoint != null;
            reservations = syncAtCheckpoints ? new AppendLog(root.resolve(NUMBERS)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the case ledger " + journal, e);
        }
        if (syncAtCheckpoints) {
            checkpoint.register(log::syncAll);
        }
    }

    /** Numbers an import reserved may have been used by cases a crash took from the journal: none is given again. */
    private void readReservations() throws IOException {
        Path numbers = root.resolve(NUMBERS);
        if (!Files.exists(numbers)) {
            return;
        }
        Map<Integer, Long> lastByYear = new HashMap<>();
        for (String line : Files.readAllLines(numbers, StandardCharsets.US_ASCII)) {
            String[] fields = line.strip().split(" ");
            try {
                // the last line of a year holds: a reservation, or what an import that ended normally gave back
                lastByYear.put(Integer.parseInt(fields[0]), Long.parseLong(fields[1]));
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // a line cut short by a crash: its reservation never returned, so no number of it was used
            }
        }
        lastByYear.forEach((year, last) -> lastSequenceByYear.merge(year, last, Math::max));
    }

    /** A line of {@code cases/numbers}, as {@link #readReservations} reads it: the last number of the year taken. */
    private static byte[] reservationLine(int year, long last) {
        return (year + " " + last + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** The next number of {@code year}, reserved on disk first when the ledger's changes wait for checkpoints. */
    private long nextSequence(int year) {
        long sequence = lastSequenceByYear.getOrDefault(year, 0L) + 1;
        if (syncAtCheckpoints && sequence > reservedByYear.getOrDefault(year, 0L)) {
            reserve(year, sequence + RESERVED_NUMBERS - 1);
        }
        return sequence;
    }

    private void reserve(int year, long last) {
        try {
            reservations.sync(reservations.append(reservationLine(year, last)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot reserve case numbers in " + root.resolve(NUMBERS), e);
        }
        reservedByYear.put(year, last);
    }

    @Override
    public CaseFile open(String mailKey, String sender) throws IOException {
        try {
            return openOnce(mailKey, () -> {
                Instant now = clock.instant();
                int year = now.atZone(ZoneOffset.UTC).getYear();
                long sequence = nextSequence(year);
                return new CaseFile(mailKey, caseReference(year, sequence), now, Set.of(), sender, null, null);
            });
        } catch (UncheckedIOException e) {
            // a reservation of numbers that could not be written
            throw e.getCause();
        }
    }

    /** PREFIX-YEAR-NNNNNN, built by hand: a format string was parsed again at every case, 0.6 % of an import's CPU time. */
    private String caseReference(int year, long sequence) {
        String number = Long.toString(sequence);
        StringBuilder reference = new StringBuilder(referencePrefix.length() + 14).append(referencePrefix).append('-').append(year).append('-');
        for (int padding = number.length(); padding < 6; padding++) {
            reference.append('0');
        }
        return reference.append(number).toString();
    }

    @Override
    public CaseFile openFollowUp(String mailKey, CaseFile original, String sender) throws IOException {
        String first = original.isFollowUp() ? original.followUpOf() : original.mailKey();
        return openOnce(mailKey, () -> new CaseFile(mailKey, original.caseReference(), clock.instant(), Set.of(), sender, first, null));
    }

    /** The mail key's case, created the first time; on disk when returned, also when another caller just created it. */
    private CaseFile openOnce(String mailKey, Supplier<CaseFile> create) throws IOException {
        CaseFile result;
        long end;
        synchronized (this) {
            result = cases.get(mailKey);
            if (result == null) {
                result = create.get();
                end = append(result);
            } else {
                end = log.end();
            }
        }
        if (!syncAtCheckpoints) {
            log.sync(end);
        }
        return result;
    }

    @Override
    public synchronized Optional<CaseFile> find(String mailKey) {
        return Optional.ofNullable(cases.get(mailKey));
    }

    @Override
    public synchronized Optional<CaseFile> findByReference(String caseReference) {
        String mailKey = mailKeyByReference.get(caseReference);
        return mailKey == null ? Optional.empty() : Optional.ofNullable(cases.get(mailKey));
    }

    @Override
    public CaseFile routed(CaseFile caseFile, String queue) throws IOException {
        return change(caseFile.mailKey(), current -> current.with(Stage.ROUTED).routedTo(queue), Stage.ROUTED.syncedAtOnce());
    }

    @Override
    public CaseFile markDone(CaseFile caseFile, Stage stage) throws IOException {
        return change(caseFile.mailKey(), current -> current.with(stage), stage.syncedAtOnce());
    }

    @Override
    public void markAllDone(List<CaseFile> caseFiles, Stage stage) throws IOException {
        long end = 0;
        synchronized (this) {
            for (CaseFile caseFile : caseFiles) {
                CaseFile current = cases.get(caseFile.mailKey());
                if (current == null) {
                    throw new IOException("no case for this mail key in the ledger");
                }
                end = append(current.with(stage));
            }
        }
        log.sync(end);
    }

    @Override
    public CaseFile unmark(CaseFile caseFile, Stage stage) throws IOException {
        return change(caseFile.mailKey(), current -> current.without(stage), true);
    }

    private CaseFile change(String mailKey, UnaryOperator<CaseFile> change, boolean durable) throws IOException {
        CaseFile result;
        long end;
        synchronized (this) {
            CaseFile current = cases.get(mailKey);
            if (current == null) {
                throw new IOException("no case for this mail key in the ledger");
            }
            result = change.apply(current);
            end = append(result);
        }
        if (durable) {
            log.sync(end);
        }
        return result;
    }

    /** Appends the case's new state and takes it as known; returns the point the journal must be synced to. */
    private long append(CaseFile caseFile) throws IOException {
        long end = log.append(lineOf(caseFile));
        remember(caseFile);
        return end;
    }

    private static byte[] lineOf(CaseFile caseFile) {
        return Line.of(caseFile).json().getBytes(StandardCharsets.UTF_8);
    }

    private void remember(CaseFile caseFile) {
        cases.put(caseFile.mailKey(), caseFile);
        if (!caseFile.isFollowUp()) {
            mailKeyByReference.putIfAbsent(caseFile.caseReference(), caseFile.mailKey());
            String[] parts = caseFile.caseReference().split("-");
            try {
                int year = Integer.parseInt(parts[parts.length - 2]);
                long sequence = Long.parseLong(parts[parts.length - 1]);
                lastSequenceByYear.merge(year, sequence, Math::max);
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                // a reference of another shape (a changed prefix with dashes) does not take part in numbering
            }
        }
    }

    /** Reads the journal; returns the number of lines read. */
    private long replay() throws IOException {
        long lines = 0;
        long validBytes = 0;
        try (BufferedReader reader = Files.newBufferedReader(journal, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                try {
                    remember(json.readValue(line, Line.class).caseFile());
                    lines++;
                    validBytes += line.getBytes(StandardCharsets.UTF_8).length + 1L;
                } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                    // only the last line can be cut short by a crash: its change never returned
                    break;
                }
            }
        }
        // a line cut short is cut away (reading stops at the first unreadable line); a whole last line whose newline
        // was cut off is ended by the AppendLog when the journal is opened for writing
        if (validBytes < Files.size(journal)) {
            try (FileChannel repair = FileChannel.open(journal, StandardOpenOption.WRITE)) {
                repair.truncate(validBytes);
                repair.force(true);
            }
        }
        return lines;
    }

    /** Rewrites the journal with one line per case, replacing it atomically. */
    private void compact() throws IOException {
        Path temporary = root.resolve(JOURNAL + ".compacting");
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            List<CaseFile> ordered = new ArrayList<>(cases.values());
            // cases that others refer to (by reference) come before their follow-ups, as when they were written
            ordered.sort((a, b) -> Boolean.compare(a.isFollowUp(), b.isFollowUp()));
            for (CaseFile caseFile : ordered) {
                ByteBuffer line = ByteBuffer.wrap(lineOf(caseFile));
                while (line.hasRemaining()) {
                    out.write(line);
                }
            }
            out.force(true);
        }
        DurableFiles.moveAtomically(temporary, journal);
        DurableFiles.syncDirectory(root);
    }

    /**
     * Ledgers written by earlier versions kept a properties file per case and a sequence file per year: their cases
     * become the journal's first lines, and the old files are removed once the journal is on disk.
     */
    private long migrateCaseFiles() throws IOException {
        List<Path> old;
        try (Stream<Path> files = Files.walk(root, 2)) {
            old = files.filter(file -> file.getFileName().toString().endsWith(".properties") && file.getParent() != null
                    && file.getParent().getFileName().toString().matches("[0-9a-f]{2}")).toList();
        }
        if (old.isEmpty()) {
            return 0;
        }
        for (Path file : old) {
            remember(readCaseFile(file));
        }
        Map<Integer, Long> counted = new LinkedHashMap<>(lastSequenceByYear);
        List<Path> sequences;
        try (Stream<Path> files = Files.list(root)) {
            sequences = files.filter(file -> file.getFileName().toString().matches("sequence-\\d{4}")).toList();
        }
        for (Path sequence : sequences) {
            int year = Integer.parseInt(sequence.getFileName().toString().substring("sequence-".length()));
            String value = Files.readString(sequence, StandardCharsets.US_ASCII).strip();
            if (!value.isEmpty()) {
                // numbers handed out to mails whose case file never made it to disk are not given again
                counted.merge(year, Long.parseLong(value), Math::max);
            }
        }
        lastSequenceByYear.putAll(counted);
        compact();
        List<Path> obsolete = new ArrayList<>(old);
        obsolete.addAll(sequences);
        Path references = root.resolve("references");
        if (Files.isDirectory(references)) {
            try (Stream<Path> files = Files.list(references)) {
                obsolete.addAll(files.toList());
            }
            obsolete.add(references);
        }
        for (Path file : obsolete) {
            Files.deleteIfExists(file);
        }
        for (Path directory : old.stream().map(Path::getParent).distinct().toList()) {
            try {
                Files.deleteIfExists(directory);
            } catch (java.nio.file.DirectoryNotEmptyException e) {
                // something else was kept there; it stays
            }
        }
        return cases.size();
    }

    private static CaseFile readCaseFile(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
        Arrays.stream(properties.getProperty("done", "").split(",")).filter(s -> !s.isBlank()).map(Stage::valueOf).forEach(stages::add);
        return new CaseFile(properties.getProperty("mailKey"), properties.getProperty("caseReference"),
                Instant.parse(properties.getProperty("openedAt")), stages, properties.getProperty("sender"),
                properties.getProperty("followUpOf"), properties.getProperty("queue"));
    }

    @Override
    public void close() throws IOException {
        log.close();
        if (reservations != null) {
            try {
                // every case is on disk now: the next run numbers on from the last one used, not from the reservation
                synchronized (this) {
                    for (Map.Entry<Integer, Long> reserved : reservedByYear.entrySet()) {
                        long used = lastSequenceByYear.getOrDefault(reserved.getKey(), 0L);
                        if (used < reserved.getValue()) {
                            reservations.append(reservationLine(reserved.getKey(), used));
                        }
                    }
                }
            } finally {
                reservations.close();
            }
        }
    }

    /** A journal line: the case's whole state, with short names since there is one per change. */
    record Line(String k, String r, Instant o, List<Stage> d, String s, String f, String q) {

        static Line of(CaseFile caseFile) {
            return new Line(caseFile.mailKey(), caseFile.caseReference(), caseFile.openedAt(),
                    caseFile.done().stream().sorted().toList(), caseFile.sender(), caseFile.followUpOf(), caseFile.queue());
        }

        CaseFile caseFile() {
            return new CaseFile(k, r, o, d == null || d.isEmpty() ? Set.of() : EnumSet.copyOf(d), s, f, q);
        }

        /**
         * The line as Jackson writes it (read back with Jackson), written by hand: Jackson's general path was a fifth
         * of a ledger change, and a change is made three or four times for every mail.
         */
        String json() {
            StringBuilder json = new StringBuilder(160);
            json.append("{\"k\":");
            string(json, k);
            json.append(",\"r\":");
            string(json, r);
            json.append(",\"o\":");
            string(json, o.toString());
            json.append(",\"d\":[");
            for (int i = 0; i < d.size(); i++) {
                json.append(i == 0 ? "\"" : ",\"").append(d.get(i).name()).append('"');
            }
            json.append("],\"s\":");
            string(json, s);
            json.append(",\"f\":");
            string(json, f);
            json.append(",\"q\":");
            string(json, q);
            return json.append("}\n").toString();
        }

        private static void string(StringBuilder json, String value) {
            if (value == null) {
                json.append("null");
                return;
            }
            json.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    case '\b' -> json.append("\\b");
                    case '\f' -> json.append("\\f");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format("\\u%04X", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            json.append('"');
        }
    }
}
