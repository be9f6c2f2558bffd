package org.privacymailbox.cases;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case ledger as small files, one per mail key, written atomically and fsynced, so that it survives a crash
 * at any moment. Case numbers come from a per-year sequence file guarded by a file lock, which keeps them unique
 * even if two processes share the data directory.
 */
public class FileCaseLedger implements CaseLedger {

    private final Path root;
    private final String referencePrefix;
    private final Clock clock;

    public FileCaseLedger(Path root, String referencePrefix, Clock clock) {
        this.root = root;
        this.referencePrefix = referencePrefix;
        this.clock = clock;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the case ledger directory " + root, e);
        }
    }

    @Override
    public synchronized CaseFile open(String mailKey, String sender) throws IOException {
        Path file = fileOf(mailKey);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        Instant now = clock.instant();
        int year = now.atZone(ZoneOffset.UTC).getYear();
        String reference = "%s-%d-%06d".formatted(referencePrefix, year, nextSequence(year));
        CaseFile created = new CaseFile(mailKey, reference, now, Set.of(), sender, null, null);
        write(file, created);
        writeReference(reference, mailKey);
        return created;
    }

    @Override
    public synchronized CaseFile openFollowUp(String mailKey, CaseFile original, String sender) throws IOException {
        Path file = fileOf(mailKey);
        if (Files.isRegularFile(file)) {
            return read(file);
        }
        String first = original.isFollowUp() ? original.followUpOf() : original.mailKey();
        CaseFile created = new CaseFile(mailKey, original.caseReference(), clock.instant(), Set.of(), sender, first, null);
        write(file, created);
        return created;
    }

    @Override
    public synchronized Optional<CaseFile> find(String mailKey) throws IOException {
        Path file = fileOf(mailKey);
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }

    @Override
    public synchronized Optional<CaseFile> findByReference(String caseReference) throws IOException {
        if (!caseReference.matches("[A-Z0-9]{1,10}-\\d{4}-\\d{6}")) {
            return Optional.empty();
        }
        Path file = root.resolve("references").resolve(caseReference);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return find(Files.readString(file, StandardCharsets.UTF_8).strip());
    }

    @Override
    public synchronized CaseFile routed(CaseFile caseFile, String queue) throws IOException {
        CaseFile current = read(fileOf(caseFile.mailKey())).with(Stage.ROUTED).routedTo(queue);
        write(fileOf(caseFile.mailKey()), current);
        return current;
    }

    private void writeReference(String reference, String mailKey) throws IOException {
        Path directory = Files.createDirectories(root.resolve("references"));
        Files.writeString(directory.resolve(reference), mailKey, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized CaseFile markDone(CaseFile caseFile, Stage stage) throws IOException {
        CaseFile current = read(fileOf(caseFile.mailKey())).with(stage);
        write(fileOf(caseFile.mailKey()), current);
        return current;
    }

    @Override
    public synchronized CaseFile unmark(CaseFile caseFile, Stage stage) throws IOException {
        CaseFile current = read(fileOf(caseFile.mailKey())).without(stage);
        write(fileOf(caseFile.mailKey()), current);
        return current;
    }

    private long nextSequence(int year) throws IOException {
        Path sequenceFile = root.resolve("sequence-" + year);
        try (FileChannel channel = FileChannel.open(sequenceFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            channel.read(buffer, 0);
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
            long next = text.isEmpty() ? 1 : Long.parseLong(text) + 1;
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(next).getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return next;
        }
    }

    private CaseFile read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        String done = properties.getProperty("done", "");
        EnumSet<Stage> stages = EnumSet.noneOf(Stage.class);
        Arrays.stream(done.split(",")).filter(s -> !s.isBlank()).map(Stage::valueOf).forEach(stages::add);
        return new CaseFile(properties.getProperty("mailKey"), properties.getProperty("caseReference"),
                Instant.parse(properties.getProperty("openedAt")), stages, properties.getProperty("sender"),
                properties.getProperty("followUpOf"), properties.getProperty("queue"));
    }

    private void write(Path file, CaseFile caseFile) throws IOException {
        Files.createDirectories(file.getParent());
        Properties properties = new Properties();
        properties.setProperty("mailKey", caseFile.mailKey());
        properties.setProperty("caseReference", caseFile.caseReference());
        properties.setProperty("openedAt", caseFile.openedAt().toString());
        properties.setProperty("done", caseFile.done().stream().sorted().map(Stage::name).collect(Collectors.joining(",")));
        setIfPresent(properties, "sender", caseFile.sender());
        setIfPresent(properties, "followUpOf", caseFile.followUpOf());
        setIfPresent(properties, "queue", caseFile.queue());
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, null);
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void setIfPresent(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    private Path fileOf(String mailKey) {
        // the key is a Message-ID, chosen by the sender: hash it rather than trust it as a file name
        String hash = sha256(mailKey);
        return root.resolve(hash.substring(0, 2)).resolve(hash + ".properties");
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
