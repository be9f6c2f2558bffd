package org.privacymailbox.quarantine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.privacymailbox.archive.ArchivedMail;
import org.privacymailbox.cases.Inquiry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/** Keeps a durable record, one JSON file each, of every mail set aside, and logs it without content. */
public class QuarantineRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantineRecorder.class);
    private static final int MAX_REASON = 300;

    private final Path directory;
    private final String folder;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public QuarantineRecorder(Path directory, String folder, Clock clock) {
        this.directory = directory;
        this.folder = folder;
        this.clock = clock;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the quarantine directory " + directory, e);
        }
    }

    /** {@code failedAt}: the endpoint last called when the failure happened, which names the stage. */
    public QuarantineRecord record(ArchivedMail archived, Inquiry inquiry, Throwable failure, String failedAt) throws IOException {
        Instant now = clock.instant();
        String messageId = inquiry != null && inquiry.mail() != null ? inquiry.mail().messageId() : null;
        QuarantineRecord record = new QuarantineRecord(
                now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8),
                now,
                inquiry == null ? null : inquiry.caseReference(),
                messageId,
                archived != null ? archived.sha256() : inquiry != null ? inquiry.archived().sha256() : null,
                stage(failedAt),
                describe(failure),
                folder);
        Path file = directory.resolve(record.id() + ".json");
        Files.writeString(file, json.writeValueAsString(record));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        LOG.warn("mail quarantined: case={} sha256={} stage={} reason={}", record.caseReference(), record.sha256(), record.stage(),
                record.reason());
        return record;
    }

    public List<QuarantineRecord> list() throws IOException {
        List<QuarantineRecord> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                records.add(json.readValue(Files.readString(file), QuarantineRecord.class));
            }
        }
        records.sort(Comparator.comparing(QuarantineRecord::quarantinedAt).reversed());
        return records;
    }

    /** {@code direct://extraction} is the stage "extraction"; another endpoint is named by its scheme (smtp, jms). */
    static String stage(String failedAt) {
        if (failedAt == null || failedAt.isBlank()) {
            return "intake";
        }
        int scheme = failedAt.indexOf(':');
        if (failedAt.startsWith("direct:")) {
            String name = failedAt.substring("direct:".length()).replaceFirst("^//", "");
            int query = name.indexOf('?');
            return query < 0 ? name : name.substring(0, query);
        }
        return scheme < 0 ? failedAt : failedAt.substring(0, scheme);
    }

    /**
     * The failure's type and its message, cut short. Our own exceptions word their messages without mail content;
     * a third-party message is kept short to limit what it could quote.
     */
    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage().replaceAll("\\s+", " ").strip();
        if (message.length() > MAX_REASON) {
            message = message.substring(0, MAX_REASON) + "…";
        }
        return failure.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
