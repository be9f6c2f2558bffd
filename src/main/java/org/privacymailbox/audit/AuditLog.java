package org.privacymailbox.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.privacymailbox.privacy.IdentityMasker;
import tools.jackson.databind.json.JsonMapper;

/**
 * Append-only record of every search, view, download, export, status change and erasure, one JSON line each,
 * forced to disk before the action's answer is given. Details pass through the identity masker: an identity
 * number typed into a search is recorded masked.
 */
public class AuditLog {

    private final Path file;
    private final IdentityMasker masker;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public AuditLog(Path file, IdentityMasker masker, Clock clock) {
        this.file = file;
        this.masker = masker;
        this.clock = clock;
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
    }

    public synchronized void record(String user, String action, String detail) {
        AuditEntry entry = new AuditEntry(clock.instant(), user == null ? "(anonymous)" : user, action,
                masker.maskAsTyped(detail == null ? "" : detail).replaceAll("[\\r\\n]+", " "));
        byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        } catch (IOException e) {
            // an action that cannot be accounted for must not happen: the caller's request fails
            throw new UncheckedIOException("cannot write the audit log", e);
        }
    }

    /** The newest entries first. */
    public synchronized List<AuditEntry> latest(int count) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && entries.size() < count; i--) {
            if (!lines.get(i).isBlank()) {
                entries.add(json.readValue(lines.get(i), AuditEntry.class));
            }
        }
        return Collections.unmodifiableList(entries);
    }
}
