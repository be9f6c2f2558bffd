package org.privacymailbox.archive;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.regex.Pattern;
import org.privacymailbox.storage.Checkpoint;
import org.privacymailbox.storage.DurableFiles;
import org.privacymailbox.storage.FileSystemSync;
import org.privacymailbox.storage.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The source of truth: every mail's raw RFC 822 bytes, content-addressed by SHA-256. A mail is on disk (file and
 * directory entry fsynced) before {@link #store} returns, or for a bulk import at its next {@link Checkpoint}, so
 * nothing later in the pipeline can lose it; the index can always be rebuilt from here.
 */
public class RawArchive {

    private static final Logger log = LoggerFactory.getLogger(RawArchive.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** Present in an archive begun with the one-level layout, which therefore holds no mail two directories deep. */
    private static final String ONE_LEVEL_MARKER = ".one-level-only";

    private final Path root;
    /** Mail is personal data: on a POSIX file system only the service's user may read it. */
    private final FileAttribute<?>[] ownerOnly;
    private final AtomicLong temporaries = new AtomicLong();
    /** Stored and not yet synced, for a checkpoint that syncs file by file; null when every store syncs before it returns. */
    private final Queue<Path> awaitingCheckpoint;
    /** Set when a checkpoint syncs the archive's whole file system at once instead of each file stored since. */
    private final FileSystemSync fileSystemSync;
    /**
     * Whether mail is looked for only where it is stored now: in an archive begun before the one-level layout a
     * mail may also lie two directories deep, and looking there too cost a second failed look-up for every new mail.
     */
    private final boolean oneLevelOnly;

    public RawArchive(Path root) {
        this(root, null);
    }

    public RawArchive(Path root, Checkpoint checkpoint) {
        this(root, checkpoint, CheckpointSync.EACH_FILE);
    }

    /**
     * With a {@code checkpoint}, a stored mail is not synced when {@link #store} returns but at the checkpoint: one
     * thread syncs a batch's files and each of their directories once, where the workers waited for two syncs a mail;
     * or, with {@link CheckpointSync#FILE_SYSTEM} where this system can, the archive's whole file system at once.
     */
    public RawArchive(Path root, Checkpoint checkpoint, CheckpointSync checkpointSync) {
        this.root = root;
        this.awaitingCheckpoint = checkpoint == null ? null : new ConcurrentLinkedQueue<>();
        this.ownerOnly = root.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try {
            Files.createDirectories(root);
            if (root.getParent() != null) {
                DurableFiles.syncDirectory(root.getParent());
            }
            this.oneLevelOnly = markOneLevelIfEmpty(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the archive directory " + root, e);
        }
        boolean wholeFileSystem = checkpoint != null && checkpointSync == CheckpointSync.FILE_SYSTEM;
        this.fileSystemSync = wholeFileSystem ? FileSystemSync.of(root).orElse(null) : null;
        if (wholeFileSystem && fileSystemSync == null) {
            log.info("'sync -f' cannot sync the archive's file system here: each checkpoint syncs the files stored since the last one");
        }
        if (checkpoint != null) {
            checkpoint.register(this::syncStoredSinceCheckpoint);
        }
    }

    /** Stores the mail; on disk (file and directory entry) when this returns, or after the checkpoint if given one. */
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
        return new ArchivedMail(Sha256.hex(raw), raw);
    }

    /** Stores a mail from {@link #received}; on disk when this returns, or after the checkpoint if given one. */
    public void storeReceived(ArchivedMail mail) throws IOException {
        byte[] raw = mail.raw();
        Path target = pathOf(mail.sha256());
        if (!oneLevelOnly && storedWhole(twoLevelPathOf(mail.sha256()), raw.length)) {
            return;
        }
        Path directory = target.getParent();
        makeDurably(directory);
        if (awaitingCheckpoint != null) {
            if (fileSystemSync == null) {
                // queued before it can be seen: the same mail imported twice at once may find it stored and complete
                // first, and its checkpoint must sync this file as well
                awaitingCheckpoint.add(target);
            }
            if (writtenInPlace(target, raw) || storedWhole(target, raw.length)) {
                return;
            }
        } else if (storedWhole(target, raw.length)) {
            return;
        }
        writeAndMoveInPlace(mail.sha256(), raw, target);
    }

    /**
     * Writes a mail for a checkpoint straight under its name, and false when a file of that name is there. A file
     * made by temporary file and rename is not durable either until the checkpoint syncs it: a crash before then may
     * leave it short or empty under its name in both ways, and in both ways the next import finds it short and writes
     * it again. Writing it in place spares a look-up and a rename for every new mail (a fifth of storing it).
     */
    private boolean writtenInPlace(Path target, byte[] raw) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        boolean written = false;
        try (FileChannel writing = channel) {
            write(writing, raw);
            written = true;
        } finally {
            // a copy cut short by a failing disk is not left to look stored; a whole one, whoever wrote it, stays
            if (!written && target.toFile().length() != raw.length) {
                Files.deleteIfExists(target);
            }
        }
        return true;
    }

    /** A crash leaves the mail whole under its name or not there at all: the file is synced before its rename. */
    private void writeAndMoveInPlace(String sha256, byte[] raw, Path target) throws IOException {
        Path directory = target.getParent();
        Path temporary;
        FileChannel channel;
        do {
            temporary = directory.resolve(temporaryName(sha256, temporaries.incrementAndGet()));
            channel = createNew(temporary);
        } while (channel == null);
        boolean moved = false;
        try {
            try (FileChannel writing = channel) {
                write(writing, raw);
                if (awaitingCheckpoint == null) {
                    writing.force(true);
                }
            }
            DurableFiles.moveAtomically(temporary, target);
            moved = true;
            if (awaitingCheckpoint == null) {
                DurableFiles.syncDirectory(directory);
            }
        } finally {
            if (!moved) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private static void write(FileChannel channel, byte[] raw) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(raw);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Marks an empty archive as one-level only; true when the archive is (now) marked so. */
    private static boolean markOneLevelIfEmpty(Path root) throws IOException {
        Path marker = root.resolve(ONE_LEVEL_MARKER);
        if (marker.toFile().isFile()) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            if (entries.findAny().isPresent()) {
                return false;
            }
        }
        Files.write(marker, new byte[0]);
        DurableFiles.syncDirectory(root);
        return true;
    }

    private void syncStoredSinceCheckpoint() throws IOException {
        if (fileSystemSync != null) {
            // at every checkpoint, with or without new files: a mail recorded completed at this checkpoint may have
            // moved its file into place just after the last checkpoint's sync began
            fileSystemSync.run();
            return;
        }
        Set<Path> directories = new HashSet<>();
        List<Path> notInPlace = new ArrayList<>();
        Path stored;
        while ((stored = awaitingCheckpoint.poll()) != null) {
            try (FileChannel file = FileChannel.open(stored, StandardOpenOption.READ)) {
                file.force(true);
            } catch (NoSuchFileException e) {
                // listed just before its move into place, or the move failed, or it was erased since: the next
                // checkpoint, which comes before its mail can be recorded completed, looks again
                notInPlace.add(stored);
                continue;
            }
            directories.add(stored.getParent());
        }
        awaitingCheckpoint.addAll(notInPlace);
        for (Path directory : directories) {
            DurableFiles.syncDirectory(directory);
        }
    }

    /**
     * Named apart from the temporary files of another process archiving into the same directory. A crash leaves one
     * behind, and a restarted container has the same process id again: {@link #createNew} steps over such a name.
     */
    static String temporaryName(String sha256, long number) {
        return sha256 + "." + ProcessHandle.current().pid() + "-" + number + ".tmp";
    }

    /**
     * Asks java.io.File, which answers a missing file with false: Files.readAttributes answers it with an exception,
     * and filling in its stack trace (deep in a route) was almost half of this check for a new mail.
     */
    private static boolean storedWhole(Path target, long size) {
        File file = target.toFile();
        return file.isFile() && file.length() == size;
    }

    /** A new temporary file readable by the service alone, or null when a file of that name is left from an earlier run. */
    private FileChannel createNew(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly);
        } catch (FileAlreadyExistsException e) {
            return null;
        }
    }

    /**
     * Makes the directory and any missing parent, each synced into its parent: the mail's own directory sync makes
     * its name durable, not the name of a directory that a crash could still lose with every mail in it. A directory
     * that is there is found without an exception, for the same reason as in {@link #storedWhole}.
     */
    private void makeDurably(Path directory) throws IOException {
        if (directory.equals(root) || directory.toFile().isDirectory()) {
            return;
        }
        Path parent = directory.getParent();
        makeDurably(parent);
        try {
            Files.createDirectory(directory);
        } catch (FileAlreadyExistsException e) {
            // made by another worker just now, which may not have synced it yet: syncing once more is cheap and rare
            if (!directory.toFile().isDirectory()) {
                throw e;
            }
        }
        DurableFiles.syncDirectory(parent);
    }

    public Optional<ArchivedMail> read(String sha256) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            return Optional.empty();
        }
        for (Path path : List.of(pathOf(sha256), twoLevelPathOf(sha256))) {
            try {
                return Optional.of(new ArchivedMail(sha256, Files.readAllBytes(path)));
            } catch (NoSuchFileException e) {
                // not in this layout; perhaps in the other
            }
        }
        return Optional.empty();
    }

    /** Erases a mail for good (erasure, retention); true when it was there. */
    public boolean delete(String sha256) throws IOException {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256");
        }
        boolean deleted = Files.deleteIfExists(pathOf(sha256));
        return Files.deleteIfExists(twoLevelPathOf(sha256)) || deleted;
    }

    /** The SHA-256 of every archived mail, in a stable order. */
    public List<String> list() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".eml"))
                    .map(name -> name.substring(0, name.length() - ".eml".length()))
                    .filter(name -> SHA256.matcher(name).matches())
                    .distinct()
                    .sorted()
                    .toList();
        }
    }

    public boolean contains(String sha256) {
        return SHA256.matcher(sha256).matches() && (pathOf(sha256).toFile().isFile() || !oneLevelOnly && twoLevelPathOf(sha256).toFile().isFile());
    }

    public Path root() {
        return root;
    }

    /**
     * One level of 256 directories, as git keeps its objects: 4,000 mails a directory at a million is nothing to a
     * file system. Two levels (65,536 directories) made almost every mail of the first few hundred thousand create a
     * directory and sync its parent, a third disk sync for each mail: 5-14 % of an import's time.
     */
    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".eml");
    }

    /** Where archives before December 2026 stored a mail; still read, found and erased there, never written. */
    private Path twoLevelPathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256 + ".eml");
    }
}
