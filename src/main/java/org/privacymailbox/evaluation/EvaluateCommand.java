package org.privacymailbox.evaluation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.privacymailbox.PrivacyMailboxApplication;
import org.privacymailbox.acknowledgement.AcknowledgementPolicy;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.extraction.MailParser;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code privacy-mailbox evaluate DIR}: prints how well the service decides on labelled mail — topic accuracy and
 * confusion, privacy recall, language accuracy with the Danish/Norwegian/Swedish confusion, identifier precision and
 * recall, and acknowledgements that would go to automated mail. Writes nothing. Exit code 0, or 2 for a usage
 * error or a directory without labels.
 */
public final class EvaluateCommand {

    static final String USAGE = "usage: java -jar privacy-mailbox.jar evaluate DIR   (DIR holds *.eml and labels.jsonl)";

    private EvaluateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path directory = null;
        List<String> settings = new ArrayList<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                settings.add(arg);
            } else if (directory == null && !arg.startsWith("-")) {
                directory = Path.of(arg);
            } else {
                err.println("privacy-mailbox evaluate: unexpected argument " + arg);
                err.println(USAGE);
                return 2;
            }
        }
        if (directory == null || !Files.isRegularFile(directory.resolve("labels.jsonl"))) {
            err.println("privacy-mailbox evaluate: " + (directory == null ? "no DIR given" : directory + " has no labels.jsonl"));
            err.println(USAGE);
            return 2;
        }
        try (ConfigurableApplicationContext context = PrivacyMailboxApplication.commandContext(false, settings)) {
            Evaluator evaluator = new Evaluator(context.getBean(MailParser.class), context.getBean(InquiryClassifier.class),
                    context.getBean(AcknowledgementPolicy.class));
            out.print(evaluator.evaluate(directory).report());
            return 0;
        } catch (IOException e) {
            err.println("privacy-mailbox evaluate: " + e.getMessage());
            return 2;
        }
    }
}
