package org.privacymailbox.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes out everything unwritten on the file system that holds a directory, files and directory entries alike
 * ({@code syncfs(2)}, through coreutils' {@code sync -f}: Java has no call for it). For a checkpoint of thousands of
 * new files this is one request where a sync per file rewrote the inode table block that many of them share once
 * for each file. It also writes out what other programs left unwritten on that file system. Linux reports a write
 * error of the file system to it from kernel 5.8 on; earlier kernels may not.
 */
public final class FileSystemSync {

    private final Path directory;

    private FileSystemSync(Path directory) {
        this.directory = directory;
    }

    /** Empty where {@code sync -f} cannot be run on the directory (not Linux, coreutils before 8.24, no such directory). */
    public static Optional<FileSystemSync> of(Path directory) {
        FileSystemSync sync = new FileSystemSync(directory);
        try {
            sync.run();
            return Optional.of(sync);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Returns when every write to the file system made before this call is on disk. */
    public void run() throws IOException {
        Process process = new ProcessBuilder("sync", "-f", directory.toString()).redirectErrorStream(true).start();
        String output;
        try (InputStream messages = process.getInputStream()) {
            output = new String(messages.readNBytes(2000), StandardCharsets.UTF_8).strip();
            messages.transferTo(OutputStream.nullOutputStream());
        }
        int exitCode;
        try {
            exitCode = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            throw new InterruptedIOException("interrupted while the file system of " + directory + " was synced");
        }
        if (exitCode != 0) {
            throw new IOException("sync -f " + directory + " failed with exit code " + exitCode + (output.isEmpty() ? "" : ": " + output));
        }
    }
}
