package org.privacymailbox.bulkimport;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The messages under the paths given to {@code import}: single message files ({@code .eml} and the like), mbox files
 * (also gzipped), directories read recursively, and Maildirs (their {@code cur} and {@code new}). A file given by
 * name is always read as mail; a file found in a directory is read only when it looks like mail, so that a
 * README or a mail program's index files are not imported as messages.
 */
final class MailSources {

    private static final int SNIFF_BYTES = 4096;
    private static final Pattern HEADER_START = Pattern.compile(
            "[\\r\\n]*[A-Za-z][A-Za-z0-9_-]*:[^\\n]*\\r?\\n(?:[ \\t][^\\n]*\\r?\\n)*[A-Za-z][A-Za-z0-9_-]*:");

    private final List<SourceFile> files;
    private final long totalBytes;
    private final List<String> notMail = new ArrayList<>();
    private long bytesOfFinishedFiles;
    private CountingInputStream current;

    private MailSources(List<SourceFile> files) {
        this.files = files;
        this.totalBytes = files.stream().mapToLong(SourceFile::size).sum();
    }

    /**
     * A file to read, {@code named} by the user (read as mail whatever it looks like) or found in a directory; its size
     * as listed, asked once, since every question is a system call for each of many files.
     */
    private record SourceFile(Path path, boolean named, long size) {
    }

    /** Lists the files under the paths; fails with one clear line for a path that cannot be read. */
    static MailSources of(List<Path> paths) throws UnreadablePathException {
        List<SourceFile> files = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new UnreadablePathException(path + ": no such file or directory");
            }
            if (!Files.isReadable(path)) {
                throw new UnreadablePathException(path + ": not readable (permission denied)");
            }
            if (Files.isDirectory(path)) {
                try {
                    files.addAll(list(path));
                } catch (IOException | UncheckedIOException e) {
                    throw new UnreadablePathException(path + ": cannot list the directory (" + e.getClass().getSimpleName() + ")");
                }
            } else {
                files.add(new SourceFile(path, true, size(path)));
            }
        }
        return new MailSources(files);
    }

    /**
     * The candidate files under a directory, in order, with their sizes from the walk's own look at each file. A link
     * to a file counts as that file; links to directories are not followed.
     */
    private static List<SourceFile> list(Path directory) throws IOException {
        List<SourceFile> listed = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && candidate(file)) {
                    listed.add(new SourceFile(file, false, attributes.size()));
                } else if (attributes.isSymbolicLink() && Files.isRegularFile(file) && candidate(file)) {
                    listed.add(new SourceFile(file, false, size(file)));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        listed.sort(Comparator.comparing(SourceFile::path));
        return listed;
    }

    long totalBytes() {
        return totalBytes;
    }

    int fileCount() {
        return files.size();
    }

    /** Files found in directories that did not look like mail and were left alone. */
    List<String> notMail() {
        return List.copyOf(notMail);
    }

    /** How many bytes of the files have been read so far, for progress reporting. */
    long bytesRead() {
        return bytesOfFinishedFiles + (current == null ? 0 : current.getByteCount());
    }

    /** Calls {@code each} for every message, in order. */
    void forEach(Consumer<SourcedMail> each) throws IOException {
        for (SourceFile file : files) {
            read(file, each);
            bytesOfFinishedFiles += file.size();
            current = null;
        }
    }

    private void read(SourceFile source, Consumer<SourcedMail> each) throws IOException {
        Path file = source.path();
        try (InputStream in = open(file, source.size())) {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            if (head.length >= 5 && MboxReader.startsWithFrom(head) && !maildir(file)) {
                Iterator<byte[]> messages = new MboxReader(in);
                int number = 0;
                while (messages.hasNext()) {
                    byte[] message = messages.next();
                    each.accept(new SourcedMail(file + "#" + ++number, message));
                }
            } else if (source.named() || looksLikeMail(head)) {
                each.accept(new SourcedMail(file.toString(), in.readAllBytes()));
            } else {
                notMail.add(file.toString());
            }
        }
    }

    private InputStream open(Path file, long size) throws IOException {
        current = new CountingInputStream(Files.newInputStream(file));
        // a mail file of a few kilobytes gets a buffer of about its size: 64 KB for each cost more to clear than the
        // file to read
        int buffer = (int) Math.min(1 << 16, Math.max(2 * SNIFF_BYTES, size + 1));
        InputStream raw = new BufferedInputStream(current, buffer);
        raw.mark(2);
        int first = raw.read();
        int second = raw.read();
        raw.reset();
        if (first == 0x1f && second == 0x8b) {
            return new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16);
        }
        return raw;
    }

    /** Starts with two header fields ("Name: value"), as every mail does; a README or a JSON file does not. */
    static boolean looksLikeMail(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return HEADER_START.matcher(text).lookingAt();
    }

    private static boolean candidate(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || lower.startsWith("dovecot") || lower.startsWith("courier") || lower.equals("maildirfolder")) {
            return false;
        }
        Path parent = file.getParent();
        // a Maildir's tmp holds mail still being delivered
        return parent == null || !parent.getFileName().toString().equals("tmp") || !maildir(file);
    }

    private static boolean maildir(Path file) {
        Path parent = file.getParent();
        if (parent == null || parent.getParent() == null) {
            return false;
        }
        String folder = parent.getFileName().toString();
        Path root = parent.getParent();
        return (folder.equals("cur") || folder.equals("new") || folder.equals("tmp"))
                && Files.isDirectory(root.resolve("cur")) && Files.isDirectory(root.resolve("new"));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    /** Counts the bytes of a file read so far, before any decompression. */
    private static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long getByteCount() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }

    /** A path given to the command does not exist or cannot be read. */
    static final class UnreadablePathException extends Exception {
        UnreadablePathException(String message) {
            super(message);
        }
    }
}
