package org.privacymailbox.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.privacymailbox.storage.DurableFiles;

/**
 * The source of truth: every mail's raw RFC 822 bytes, content-addressed by SHA-256. A mail is on disk (file and
 * directory entry fsynced) before {@link #store} returns, so nothing later in the pipeline can lose it; the index
 * can always be rebuilt from here.
 */
public class RawArchive {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;

    public RawArchive(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive directory " + root, e);
        }
    }

    /** Stores the mail; on disk (file and directory entry) when this returns. */
    public ArchivedMail store(byte[] raw) throws IOException {
        ArchivedMail mail = received(raw);
        storeReceived(mail);
        return mail;
    }

    /**
     * The mail as it came in, named by its hash but not yet stored: for a step that needs to know which mail it is
     * before {@link #storeReceived} (the mailbox thread finds the case, a worker stores it and runs the stages).
     */
    public ArchivedMail received(byte[] raw) {
        return new ArchivedMail(sha256(raw), raw);
    }

    /** Stores a mail from {@link #received}; on disk (file and directory entry) when this returns. */
    public void storeReceived(ArchivedMail mail) throws IOException {
        byte[] raw = mail.raw();
        Path target = pathOf(mail.sha256());
        if (storedWhole(target, raw.length)) {
            return;
        }
        Path directory = target.getParent();
        Path temporary = createTemporary(directory, mail.sha256());
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(raw);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            DurableFiles.moveAtomically(temporary, target);
            moved = true;
            DurableFiles.syncDirectory(directory);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    /** One stat, not two: this runs for every mail, and most are new. */
    private static boolean storedWhole(Path target, long size) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(target, BasicFileAttributes.class);
            return attributes.isRegularFile() && attributes.size() == size;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The directories are made only when the file cannot be: making sure first costs a stat per level of every mail. */
    private static Path createTemporary(Path directory, String sha256) throws IOException {
        try {
            return Files.createTempFile(directory, sha256, ".tmp");
        } catch (NoSuchFileException e) {
            Files.createDirectories(directory);
            return Files.createTempFile(directory, sha256, ".tmp");
        }
    }

    public Optional<ArchivedMail> read(String sha256) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArchivedMail(sha256, Files.readAllBytes(pathOf(sha256))));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Erases a mail for good (erasure, retention); true when it was there. */
    public boolean delete(String sha256) throws IOException {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        return Files.deleteIfExists(pathOf(sha256));
    }

    /** The SHA-256 of every archived mail, in a stable order. */
    public List<String> list() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".eml"))
                    .map(name -> name.substring(0, name.length() - ".eml".length()))
                    .filter(name -> SHA256.matcher(name).matches())
                    .sorted()
                    .toList();
        }
    }

    public boolean contains(String sha256) {
        return SHA256.matcher(sha256).matches() && Files.isRegularFile(pathOf(sha256));
    }

    public Path root() {
        return root;
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private Path pathOf(String sha256) {
        // two levels of fan-out keep directories small at millions of mails
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".eml");
    }
}
