package org.privacymailbox.indexing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents added to the index since its last commit, one JSON line each, fsynced before an add returns. A
 * Lucene commit fsyncs every new file of the index (dozens per mail); an append to this log costs one. After a crash
 * the lines are added again (adding is idempotent: documents are replaced by mail key); after a commit the log is
 * emptied. The documents hold only what the index holds: masked text and keyed hashes of identity numbers.
 */
final class IndexTranslog implements AutoCloseable {

    private final Path file;
    private final JsonMapper json = JsonMapper.builder().build();
    private FileChannel channel;
    private final Object syncLock = new Object();
    /** Bytes appended since the log was opened (guarded by this), and how many of them are known to be durable. */
    private long written;
    private volatile long synced;

    IndexTranslog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** The documents logged and not yet committed; a line cut short by a crash is left out. */
    List<IndexedMail> pending() throws IOException {
        List<IndexedMail> mails = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    mails.add(json.readValue(line, IndexedMail.class));
                } catch (JacksonException e) {
                    // only the last line can be incomplete: its add never returned, so the mail was not passed on
                }
            }
        }
        return mails;
    }

    /** Writes the documents' lines; returns the point that {@link #sync} must reach for them to be durable. */
    synchronized long append(List<IndexedMail> mails) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (IndexedMail mail : mails) {
            lines.append(json.writeValueAsString(mail)).append('\n');
        }
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
        written += bytes.remaining();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        return written;
    }

    /** Returns when everything appended up to {@code point} is on disk; one caller syncs for all who are waiting. */
    void sync(long point) throws IOException {
        if (synced >= point) {
            return;
        }
        synchronized (syncLock) {
            if (synced >= point) {
                return;
            }
            long target;
            synchronized (this) {
                target = written;
            }
            channel.force(false);
            synchronized (this) {
                synced = Math.max(synced, target);
            }
        }
    }

    /** After a commit: the logged documents are durable in the index itself. */
    synchronized void clear() throws IOException {
        channel.truncate(0);
        channel.force(true);
        // counted on, not reset: an add waiting for its sync is now durable through the commit
        synced = written;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
