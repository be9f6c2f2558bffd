package org.privacymailbox.bulkimport;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.acknowledgement.AcknowledgementPolicy;
import org.privacymailbox.cases.CaseProgress;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.privacy.IdentityMasker;
import org.privacymailbox.routing.RoutingSettings;
import org.privacymailbox.storage.Checkpoint;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code privacy-mailbox import [--dry-run] [--report FILE] PATH...}: loads mail a company already has (.eml files,
 * directories, mbox files, Maildirs) through the same stages as mail from the mailbox, without ever acknowledging
 * it. Starts neither the web server nor the mailbox polling. Exit code 0 when every message was read or
 * quarantined, 1 when some could not be imported now (run again), 2 for a usage error or an unreadable path.
 */
public final class ImportCommand {

    static final String USAGE = "usage: java -jar privacy-mailbox.jar import [--dry-run] [--report FILE] [--threads N] PATH...";
    static final int OK = 0;
    static final int SOME_FAILED = 1;
    static final int USAGE_ERROR = 2;
    private static final int MAX_LISTED = 10;

    private final PrintStream out;
    private final PrintStream err;
    private final JsonMapper json = JsonMapper.builder().build();

    private ImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new ImportCommand(out, err).run(args);
    }

    private int run(String[] args) {
        Arguments arguments;
        MailSources sources;
        try {
            arguments = Arguments.parse(args);
            sources = MailSources.of(arguments.paths());
        } catch (UsageException e) {
            err.println("privacy-mailbox import: " + e.getMessage());
            err.println(USAGE);
            return USAGE_ERROR;
        } catch (MailSources.UnreadablePathException e) {
            err.println("privacy-mailbox import: cannot read " + e.getMessage());
            return USAGE_ERROR;
        }
        BufferedWriter report;
        try {
            report = arguments.report() == null ? null : Files.newBufferedWriter(arguments.report(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("privacy-mailbox import: cannot write the report " + arguments.report() + " (" + e.getClass().getSimpleName() + ")");
            return USAGE_ERROR;
        }
        // the stores sync at checkpoints instead of at each write (Completions); a dry run writes nothing
        Checkpoint checkpoint = arguments.dryRun() ? null : new Checkpoint();
        try (ConfigurableApplicationContext context = start(arguments, checkpoint)) {
            return importAll(context, arguments, sources, report, checkpoint);
        } catch (RuntimeException e) {
            err.println("privacy-mailbox import: stopped: " + firstLine(e));
            return SOME_FAILED;
        } finally {
            closeQuietly(report);
        }
    }

    private int importAll(ConfigurableApplicationContext context, Arguments arguments, MailSources sources, BufferedWriter report,
            Checkpoint checkpoint) {
        MailAnalysis analysis = new MailAnalysis(context.getBean(MailParser.class), context.getBean(InquiryClassifier.class),
                context.getBean(AcknowledgementPolicy.class), context.getBean(RoutingSettings.class), context.getBean(IdentityMasker.class));
        MailImporter importer = new MailImporter(arguments.dryRun() ? null : context.getBean(ProducerTemplate.class), analysis);
        ImportProgress progress = new ImportProgress(err, ImportProgress.onTerminal(), sources.totalBytes());
        Map<MailImporter.Outcome, Integer> counts = new EnumMap<>(MailImporter.Outcome.class);
        for (MailImporter.Outcome outcome : MailImporter.Outcome.values()) {
            counts.put(outcome, 0);
        }
        int[] read = {0};
        // mails are read in order and imported by several workers; results are reported in the order read. Only
        // mails not yet imported are limited (in number and in bytes): a slow one (a scanned PDF) must not hold the
        // workers up behind it, so finished results wait for their turn instead.
        ExecutorService workers = Executors.newFixedThreadPool(arguments.threads(), runnable -> {
            Thread thread = new Thread(runnable, "import-worker");
            thread.setDaemon(true);
            return thread;
        });
        ReadAhead unfinished = ReadAhead.forHeap(arguments.threads() * 4);
        Deque<Future<MailImporter.Result>> inFlight = new ArrayDeque<>();
        Completions completions = checkpoint == null ? null : new Completions(checkpoint, context.getBean(CaseProgress.class), System::nanoTime);
        Consumer<Future<MailImporter.Result>> report1 = future -> {
            MailImporter.Result result = await(future);
            counts.merge(result.outcome(), 1, Integer::sum);
            write(report, result.line());
            if (result.toComplete() != null) {
                completions.add(result.toComplete());
            }
            progress.mailDone(sources.bytesRead());
        };
        try {
            sources.forEach(mail -> {
                read[0]++;
                take(unfinished, mail);
                inFlight.add(workers.submit(() -> {
                    try {
                        return importer.importMail(mail);
                    } finally {
                        unfinished.done(mail.raw().length);
                    }
                }));
                while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
                    report1.accept(inFlight.poll());
                }
            });
            reportAndComplete(inFlight, report1, completions);
        } catch (IOException | UncheckedIOException e) {
            try {
                // the mails read before the source broke off are recorded as completed, so that the next run skips them
                reportAndComplete(inFlight, report1, completions);
            } catch (Completions.CheckpointFailedException checkpointFailed) {
                // the run has failed already; the next one imports these mails again
            }
            progress.finish();
            err.println("privacy-mailbox import: stopped reading the sources after " + read[0] + " messages: " + firstLine(e));
            return SOME_FAILED;
        } catch (Completions.CheckpointFailedException e) {
            inFlight.forEach(future -> future.cancel(false));
            progress.finish();
            err.println("privacy-mailbox import: stopped after " + read[0] + " messages: " + e.getMessage()
                    + "; nothing is lost, run the import again when the disk is writable and the broker reachable");
            return SOME_FAILED;
        } finally {
            workers.shutdown();
            if (completions != null) {
                completions.close();
            }
        }
        progress.finish();
        List<String> notMail = sources.notMail();
        notMail.stream().limit(MAX_LISTED).forEach(skipped -> err.println("not mail, left alone: " + skipped));
        if (notMail.size() > MAX_LISTED) {
            err.println("… and " + (notMail.size() - MAX_LISTED) + " more files that are not mail");
        }
        out.println(summary(arguments.dryRun(), read[0], counts, progress.seconds(), sources.notMail().size()));
        return counts.get(MailImporter.Outcome.FAILED) == 0 ? OK : SOME_FAILED;
    }

    private static void take(ReadAhead unfinished, SourcedMail mail) {
        try {
            unfinished.take(mail.raw().length);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Waits for the mails under way, reports them, and returns once every mail imported is recorded as completed. */
    private static void reportAndComplete(Deque<Future<MailImporter.Result>> inFlight, Consumer<Future<MailImporter.Result>> report1,
            Completions completions) {
        while (!inFlight.isEmpty()) {
            report1.accept(inFlight.poll());
        }
        if (completions != null) {
            completions.finish();
        }
    }

    private static MailImporter.Result await(Future<MailImporter.Result> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    static String summary(boolean dryRun, int read, Map<MailImporter.Outcome, Integer> counts, double seconds, int notMail) {
        String verb = dryRun ? "would index" : "indexed";
        return String.format("%s%d read, %d %s, %d skipped (already imported), %d %s, %d failed%s in %.1f s (%.1f mails/s)",
                dryRun ? "dry run: " : "", read, counts.get(MailImporter.Outcome.INDEXED), verb, counts.get(MailImporter.Outcome.SKIPPED),
                counts.get(MailImporter.Outcome.QUARANTINED), dryRun ? "unreadable (would be quarantined)" : "quarantined",
                counts.get(MailImporter.Outcome.FAILED), notMail == 0 ? "" : ", " + notMail + (notMail == 1 ? " file" : " files") + " not mail",
                seconds, seconds > 0 ? read / seconds : 0);
    }

    private void write(BufferedWriter report, ReportLine line) {
        if (report == null) {
            return;
        }
        try {
            report.write(json.writeValueAsString(line));
            report.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report", e);
        }
    }

    private static ConfigurableApplicationContext start(Arguments arguments, Checkpoint checkpoint) {
        return PrivacyMailboxApplication.commandContext(!arguments.dryRun(), arguments.springArguments(),
                checkpoint == null ? List.of() : List.of(checkpoint));
    }

    private static String firstLine(Throwable e) {
        Throwable root = MailImporter.rootCause(e);
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static void closeQuietly(BufferedWriter report) {
        if (report != null) {
            try {
                report.close();
            } catch (IOException e) {
                // the report's last lines may be lost; the import itself is done and durable
            }
        }
    }

    /** The command line: our options, the paths, and Spring settings ({@code --privacy-mailbox.data-dir=...}). */
    record Arguments(boolean dryRun, Path report, int threads, List<Path> paths, List<String> springArguments) {

        static Arguments parse(String[] args) throws UsageException {
            boolean dryRun = false;
            Path report = null;
            // one worker per core and one more for a worker waiting on a read or on Tesseract: since the disk syncs
            // and queue sends wait for the checkpoints, workers hardly wait, and more of them only contend (on 2
            // cores 60,460 SpamAssassin mails took 131 s with 3 workers, 132 s with 2, 140-191 s with 8)
            int threads = Math.min(64, Runtime.getRuntime().availableProcessors() + 1);
            List<Path> paths = new ArrayList<>();
            List<String> spring = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--dry-run")) {
                    dryRun = true;
                } else if (arg.equals("--report")) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException("--report needs a file name");
                    }
                    report = Path.of(args[++i]);
                } else if (arg.equals("--threads")) {
                    threads = threads(i + 1 < args.length ? args[++i] : "");
                } else if (arg.startsWith("--threads=")) {
                    threads = threads(arg.substring("--threads=".length()));
                } else if (arg.startsWith("--report=")) {
                    report = Path.of(arg.substring("--report=".length()));
                } else if (arg.equals("--help") || arg.equals("-h")) {
                    throw new UsageException("import reads .eml files, directories, mbox files (also .gz) and Maildirs");
                } else if (arg.startsWith("--") && arg.contains("=") && arg.indexOf('.') > 0 && arg.indexOf('.') < arg.indexOf('=')) {
                    spring.add(arg);
                } else if (arg.startsWith("-")) {
                    throw new UsageException("unknown option " + arg);
                } else {
                    paths.add(Path.of(arg));
                }
            }
            if (paths.isEmpty()) {
                throw new UsageException("no PATH given");
            }
            return new Arguments(dryRun, report, threads, List.copyOf(paths), List.copyOf(spring));
        }

        private static int threads(String value) throws UsageException {
            try {
                int threads = Integer.parseInt(value);
                if (threads >= 1 && threads <= 64) {
                    return threads;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new UsageException("--threads needs a number from 1 to 64");
        }
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
