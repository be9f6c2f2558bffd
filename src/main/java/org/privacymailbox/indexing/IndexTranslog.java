package org.privacymailbox.indexing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.privacymailbox.storage.AppendLog;
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
    private final AppendLog log;

    IndexTranslog(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.log = new AppendLog(file);
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
    long append(List<IndexedMail> mails) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (IndexedMail mail : mails) {
            lines.append(json.writeValueAsString(mail)).append('\n');
        }
        return log.append(lines.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns when everything appended up to {@code point} is on disk, shared with whoever else waits. */
    void sync(long point) throws IOException {
        log.sync(point);
    }

    /** After a commit: the logged documents are durable in the index itself. */
    void clear() throws IOException {
        log.truncate();
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
