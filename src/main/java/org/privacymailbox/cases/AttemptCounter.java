package org.privacymailbox.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Counts, on disk, how often processing of a mail began without ending. A mail that makes a parser run out of
 * memory kills the service before any error handler runs; counted here, it is set aside on the next try instead of
 * crashing the service on every poll.
 */
public class AttemptCounter {

    private final Path directory;

    public AttemptCounter(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    /**
     * Records one more attempt and returns how many there have been. Written, not synced: the count must outlive a
     * process that dies on a mail, which the operating system's page cache does; after a power cut the mail is tried
     * once more, which costs nothing, while a sync here cost every mail one disk flush.
     */
    public synchronized int begin(String mailKey) throws IOException {
        Path file = file(mailKey);
        int attempts = Files.isRegularFile(file) ? Integer.parseInt(Files.readString(file, StandardCharsets.US_ASCII).strip()) + 1 : 1;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(Integer.toString(attempts).getBytes(StandardCharsets.US_ASCII)));
        }
        return attempts;
    }

    /** The attempt ended, well or with a handled failure: it does not count against the mail. */
    public synchronized void end(String mailKey) throws IOException {
        Files.deleteIfExists(file(mailKey));
    }

    private Path file(String mailKey) {
        return directory.resolve(FileCaseLedger.sha256(mailKey));
    }
}
