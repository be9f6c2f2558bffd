package org.privacymailbox.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.privacymailbox.archive.CheckpointSync;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.storage.Checkpoint;

/**
 * What an import's checkpoint costs the archive: a batch of mails stored, then the checkpoint that makes them durable,
 * once syncing each file and directory, once syncing the file system, in turns. Prints the checkpoint's time and the
 * CPU the whole machine spent meanwhile (from /proc/stat, so that the kernel's writeback threads count too). Not a
 * test: run on a quiet machine.
 *
 * <pre>java -cp … org.privacymailbox.benchmark.CheckpointSyncBenchmark DIRECTORY [MAILS] [ROUNDS]</pre>
 */
public final class CheckpointSyncBenchmark {

    private CheckpointSyncBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int mails = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Random random = new Random(42);
        System.out.printf("%-6s %-12s %8s %12s %14s%n", "round", "sync", "mails", "checkpoint ms", "machine CPU ms");
        for (int round = 1; round <= rounds; round++) {
            List<CheckpointSync> order = round % 2 == 1
                    ? List.of(CheckpointSync.EACH_FILE, CheckpointSync.FILE_SYSTEM)
                    : List.of(CheckpointSync.FILE_SYSTEM, CheckpointSync.EACH_FILE);
            for (CheckpointSync sync : order) {
                Checkpoint checkpoint = new Checkpoint();
                RawArchive archive = new RawArchive(directory.resolve(round + "-" + sync), checkpoint, sync);
                for (int i = 0; i < mails; i++) {
                    archive.store(mail(random, round, sync, i));
                }
                long busyBefore = machineBusyMillis();
                long started = System.nanoTime();
                checkpoint.makeDurable();
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                System.out.printf("%-6d %-12s %8d %12d %14d%n", round, sync, mails, elapsed, machineBusyMillis() - busyBefore);
            }
        }
    }

    /** About the size of a SpamAssassin mail (2 to 8 KB), different in every call. */
    private static byte[] mail(Random random, int round, CheckpointSync sync, int index) {
        StringBuilder text = new StringBuilder("Subject: " + round + " " + sync + " " + index + "\r\n\r\n");
        int size = 2000 + random.nextInt(6000);
        while (text.length() < size) {
            text.append(Long.toString(random.nextLong(), 36)).append(' ');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** All CPUs' time outside idle and I/O wait since boot, in milliseconds (USER_HZ is 100 on Linux). */
    private static long machineBusyMillis() throws IOException {
        String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(fields[i]);
        }
        return busy * 10;
    }
}
