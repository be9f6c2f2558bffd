package org.privacymailbox.indexing;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.privacymailbox.storage.AppendLog;
import org.privacymailbox.storage.DurableFiles;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documents added to the index since its last commit, one JSON line each, fsynced before an add returns. A
 * Lucene commit fsyncs every new file of the index (dozens per mail); an append to this log costs one. After a crash
 * the lines are added again (adding is idempotent: documents are replaced by mail key). A commit first sets the log
 * aside ({@link #roll}: adds go on into a new one while Lucene writes its files) and drops it once the commit is
 * durable ({@link #dropRolled}). The documents hold only what the index holds: masked text and keyed hashes of
 * identity numbers.
 */
final class IndexTranslog implements AutoCloseable {

    /** Where an append stands: the log it went to, and how far that log must be synced for it. */
    record Logged(AppendLog log, long point) {
    }

    private final Path file;
    /** The log a commit in progress set aside; still there after a crash or a failed commit. */
    private final Path rolledFile;
    private final JsonMapper json = JsonMapper.builder().build();
    private volatile AppendLog log;
    /** The log set aside, while still open; null after a restart found one on disk. */
    private AppendLog rolled;
    /** Counts the logs set aside, so that a commit drops only the one it holds. */
    private int rolledGeneration;

    IndexTranslog(Path file) throws IOException {
        this.file = file;
        this.rolledFile = file.resolveSibling(file.getFileName() + ".rolled");
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.log = new AppendLog(file);
    }

    /** The documents logged and not yet committed, oldest first; a line cut short by a crash is left out. */
    List<IndexedMail> pending() throws IOException {
        List<IndexedMail> mails = new ArrayList<>();
        if (Files.exists(rolledFile)) {
            read(rolledFile, mails);
        }
        read(file, mails);
        return mails;
    }

    private void read(Path logFile, List<IndexedMail> mails) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
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
    }

    /**
     * Writes the documents' lines; {@link #sync} with the answer makes them durable. Not called while {@link #roll}
     * runs (the index's commit lock keeps them apart).
     */
    Logged append(List<IndexedMail> mails) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (IndexedMail mail : mails) {
            lines.append(json.writeValueAsString(mail)).append('\n');
        }
        AppendLog current = log;
        return new Logged(current, current.append(lines.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Returns when the append is on disk, with one sync shared by whoever else waits. */
    void sync(Logged logged) throws IOException {
        logged.log().sync(logged.point());
    }

    /** Returns when every append made so far is on disk: a log set aside for a commit was synced then. */
    synchronized void syncAll() throws IOException {
        log.syncAll();
    }

    /**
     * Before a commit, with no add between its update and its line: what is logged now is all in Lucene's writer, so
     * a commit started after this holds it. New adds go to a new log. While an older log is still set aside (a commit
     * in progress or failed, or a crash), that one stays and the current one goes on. Returns what {@link #dropRolled}
     * is to be given once the commit is durable.
     */
    synchronized int roll() throws IOException {
        if (Files.exists(rolledFile)) {
            return rolledGeneration;
        }
        AppendLog current = log;
        current.syncAll();
        DurableFiles.moveAtomically(file, rolledFile);
        try {
            // creating the new log syncs the directory, and with it the rename just made
            log = new AppendLog(file);
        } catch (IOException e) {
            // adds must not go on into a log that the commit would drop: the current one stays where it was
            DurableFiles.moveAtomically(rolledFile, file);
            throw e;
        }
        rolled = current;
        return ++rolledGeneration;
    }

    /**
     * After a commit that started after {@link #roll} returned {@code generation}: what was set aside then is durable in
     * the index itself. A log set aside later, for a commit still running, is left alone.
     */
    synchronized void dropRolled(int generation) throws IOException {
        if (generation != rolledGeneration) {
            return;
        }
        if (rolled != null) {
            rolled.close();
            rolled = null;
        }
        Files.deleteIfExists(rolledFile);
    }

    /** Empties both logs: everything they held is committed, and no add is under way. */
    synchronized void clear() throws IOException {
        if (rolled != null) {
            rolled.close();
            rolled = null;
        }
        Files.deleteIfExists(rolledFile);
        log.truncate();
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            log.close();
        } finally {
            if (rolled != null) {
                rolled.close();
            }
        }
    }
}
