package org.privacymailbox.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where a file made from a mail lives while a program outside the JVM reads it (an image for Tesseract): under the
 * data directory, readable by the service's user alone, as protected as the raw archive. The machine's shared
 * {@code /tmp} is not such a place: files there took the umask (readable by every user) and outlived a crash.
 * <p>
 * Each process has a directory of its own, made when first needed (a dry run that reads no image writes nothing) and
 * deleted on close. What processes that are gone left behind is deleted when the next one starts. A directory named
 * by a running process is left alone: an import may run beside the service.
 */
public final class ScratchDirectory implements AutoCloseable {

    private final Path root;
    private final Path own;
    private boolean made;

    /** The scratch directory in {@code root} for this process; deletes what processes that are gone left there. */
    public static ScratchDirectory forThisProcess(Path root) {
        return new ScratchDirectory(root, ProcessHandle.current().pid());
    }

    /**
     * {@code pid}'s directory may be there from an earlier process with the same number, as every container's first
     * process is 1: it is emptied too.
     */
    ScratchDirectory(Path root, long pid) {
        this.root = root;
        this.own = root.resolve(Long.toString(pid));
        try (Stream<Path> children = Files.list(root)) {
            for (Path child : children.toList()) {
                if (child.equals(own) || !isRunning(child.getFileName().toString())) {
                    deleteTree(child);
                }
            }
            deleteIfEmpty(root);
        } catch (NoSuchFileException e) {
            // nothing was ever left here
        } catch (IOException | UncheckedIOException e) {
            throw failed(e);
        }
    }

    /** This process's directory, owner only, made on the first call (and again if something deleted it since). */
    public synchronized Path path() {
        if (!made || !Files.isDirectory(own)) {
            try {
                createPrivate(root);
                createPrivate(own);
            } catch (IOException e) {
                throw failed(e);
            }
            made = true;
        }
        return own;
    }

    /** Deletes this process's directory, and the root once no other process has one. */
    @Override
    public synchronized void close() {
        if (!made) {
            return;
        }
        try {
            deleteTree(own);
            deleteIfEmpty(root);
        } catch (IOException | UncheckedIOException e) {
            // left for the next start to delete
        }
        made = false;
    }

    private static void deleteIfEmpty(Path directory) throws IOException {
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            // another process's directory: it deletes its own
        }
    }

    private IllegalStateException failed(Exception e) {
        return new IllegalStateException("cannot prepare the scratch directory " + root
                + " (privacy-mailbox.data-dir must be writable): " + e.getClass().getSimpleName(), e);
    }

    private static boolean isRunning(String name) {
        try {
            return ProcessHandle.of(Long.parseLong(name)).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void createPrivate(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void deleteTree(Path top) throws IOException {
        try (Stream<Path> tree = Files.walk(top)) {
            List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
            for (Path path : deepestFirst) {
                Files.deleteIfExists(path);
            }
        }
    }
}
