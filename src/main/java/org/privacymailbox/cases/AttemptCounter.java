package org.privacymailbox.cases;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.privacymailbox.storage.AppendLog;
import org.privacymailbox.storage.DurableFiles;
import org.privacymailbox.storage.Sha256;

/**
 * Counts, on disk, how often processing of a mail began without ending. A mail that makes a parser run out of
 * memory kills the service before any error handler runs; counted here, it is set aside on the next try instead of
 * crashing the service on every poll.
 *
 * <p>The counts are one log of begins and ends ({@code attempts.log}), read when the counter is made and written
 * anew with only the attempts still open once it has grown long. A file per mail, made at the beginning and deleted
 * at the end, cost every mail a new inode and an unlink, and on a file system that passes over recently deleted
 * inodes when it makes a file, slowed down every other file the service made.
 *
 * <p>Written, not synced: the count must outlive a process that dies on a mail, which the operating system's page
 * cache does; after a power cut the mail is tried once more, which costs nothing, while a sync here cost every mail
 * one disk flush.
 */
public class AttemptCounter implements Closeable {

    /** Begins and ends the log holds before it is written anew with the open attempts only. */
    static final int REWRITE_AFTER_RECORDS = 10_000;
    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path log;
    /** Attempts begun and not ended, by the SHA-256 of the mail key (guarded by this). */
    private final Map<String, Integer> open = new HashMap<>();
    private AppendLog appends;
    private int records;

    public AttemptCounter(Path directory) {
        this.log = directory.resolve("attempts.log");
        try {
            Files.createDirectories(directory);
            read();
            List<Path> olderLayout = countFilesOfTheOlderLayout(directory);
            rewrite();
            for (Path file : olderLayout) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + log, e);
        }
    }

    /** Records one more attempt and returns how many there have been. */
    public synchronized int begin(String mailKey) throws IOException {
        String key = Sha256.hex(mailKey);
        int attempts = open.merge(key, 1, Integer::sum);
        record("B ", key);
        return attempts;
    }

    /** The attempt ended, well or with a handled failure: it does not count against the mail. */
    public synchronized void end(String mailKey) throws IOException {
        String key = Sha256.hex(mailKey);
        if (open.remove(key) != null) {
            record("E ", key);
        }
        if (records >= REWRITE_AFTER_RECORDS) {
            rewrite();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        appends.close();
    }

    private void record(String what, String key) throws IOException {
        appends.append((what + key + "\n").getBytes(StandardCharsets.US_ASCII));
        records++;
    }

    /** A line a crash cut short is left out: at worst a mail is tried once more. */
    private void read() throws IOException {
        if (!Files.isRegularFile(log)) {
            return;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.US_ASCII)) {
            if (line.length() != 66 || !HASH.matcher(line.substring(2)).matches()) {
                continue;
            }
            String key = line.substring(2);
            if (line.startsWith("B ")) {
                open.merge(key, 1, Integer::sum);
            } else if (line.startsWith("E ")) {
                open.remove(key);
            }
        }
    }

    /** Before the log, each open attempt was a file named by the key's hash, holding the count: they count on. */
    private List<Path> countFilesOfTheOlderLayout(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> HASH.matcher(file.getFileName().toString()).matches()).toList();
        }
        for (Path file : files) {
            int attempts;
            try {
                attempts = Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip());
            } catch (NumberFormatException e) {
                attempts = 1;
            }
            open.merge(file.getFileName().toString(), attempts, Integer::sum);
        }
        return files;
    }

    /** The open attempts only, as a new log that replaces the old one whole. */
    private void rewrite() throws IOException {
        if (appends != null) {
            appends.close();
        }
        StringBuilder text = new StringBuilder();
        open.forEach((key, attempts) -> text.append(("B " + key + "\n").repeat(attempts)));
        Path fresh = log.resolveSibling(log.getFileName() + ".new");
        Files.writeString(fresh, text, StandardCharsets.US_ASCII);
        DurableFiles.moveAtomically(fresh, log);
        appends = new AppendLog(log);
        records = open.values().stream().mapToInt(Integer::intValue).sum();
    }
}
