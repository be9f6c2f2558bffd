package org.privacymailbox.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Whether staff have answered a case: {@code open} until someone marks it {@code answered}. One small file per case. */
public class CaseStatus {

    public static final String OPEN = "open";
    public static final String ANSWERED = "answered";
    private static final Set<String> STATUSES = Set.of(OPEN, ANSWERED);

    private final Path directory;

    public CaseStatus(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
    }

    public String of(String caseReference) throws IOException {
        Path file = file(caseReference);
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : OPEN;
    }

    public void set(String caseReference, String status) throws IOException {
        String value = status == null ? "" : status.toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(value)) {
            throw new IllegalArgumentException("a case is open or answered, not '" + status + "'");
        }
        Files.writeString(file(caseReference), value, StandardCharsets.US_ASCII);
    }

    private Path file(String caseReference) {
        if (!caseReference.matches("[A-Z0-9]{1,10}-\\d{4}-\\d{6}")) {
            throw new IllegalArgumentException("not a case reference");
        }
        return directory.resolve(caseReference);
    }
}
