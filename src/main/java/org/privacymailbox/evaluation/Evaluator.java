package org.privacymailbox.evaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.privacymailbox.acknowledgement.AcknowledgementPolicy;
import org.privacymailbox.classification.Classification;
import org.privacymailbox.classification.InquiryClassifier;
import org.privacymailbox.extraction.MailParser;
import org.privacymailbox.extraction.ParsedMail;
import org.privacymailbox.extraction.UnreadableMailException;
import org.privacymailbox.privacy.IdentityNumber;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures the service's decisions against labelled mail: a directory of {@code .eml} files and a
 * {@code labels.jsonl} (format of the development corpus's README). Uses the same parser, classifier and
 * acknowledgement policy as the mailbox; writes nothing.
 */
public class Evaluator {

    private static final Set<String> SCANDINAVIAN = Set.of("da", "no", "sv");

    private final MailParser parser;
    private final InquiryClassifier classifier;
    private final AcknowledgementPolicy acknowledgements;
    private final JsonMapper json = JsonMapper.builder().build();

    public Evaluator(MailParser parser, InquiryClassifier classifier, AcknowledgementPolicy acknowledgements) {
        this.parser = parser;
        this.classifier = classifier;
        this.acknowledgements = acknowledgements;
    }

    public Evaluation evaluate(Path directory) throws IOException {
        Path labelsFile = directory.resolve("labels.jsonl");
        if (!Files.isRegularFile(labelsFile)) {
            throw new IOException(directory + " has no labels.jsonl");
        }
        Counts counts = new Counts();
        for (String line : Files.readAllLines(labelsFile)) {
            if (line.isBlank()) {
                continue;
            }
            LabelledMail label = json.readValue(line, LabelledMail.class);
            Path file = directory.resolve(label.id() + ".eml");
            try {
                ParsedMail mail = parser.parse(Files.readAllBytes(file));
                Classification decided = classifier.classify(mail);
                counts.add(label, decided, acknowledgements.decide(mail, decided).send());
            } catch (UnreadableMailException e) {
                counts.unreadable(label, e.getMessage());
            }
        }
        return counts.evaluation();
    }

    /** Canonical form of an identity number for comparison: digits and letters only, upper case. */
    static String canonical(String type, String value) {
        return type + ":" + value.replaceAll("[^0-9A-Za-z]", "").toUpperCase(Locale.ROOT);
    }

    private static final class Counts {
        int mails;
        int topicRight;
        int privacyMails;
        int privacyFound;
        int languageRight;
        int identifiersFound;
        int identifiersRight;
        int identifiersExpected;
        int acknowledgementsToAutomated;
        int acknowledgementRight;
        int subtopicsLabelled;
        int subtopicsRight;
        final Map<String, Map<String, Integer>> topics = new LinkedHashMap<>();
        final Map<String, Map<String, Integer>> languages = new LinkedHashMap<>();
        final List<String> misses = new ArrayList<>();

        void add(LabelledMail label, Classification decided, boolean acknowledge) {
            mails++;
            String topic = decided.topic().label();
            topics.computeIfAbsent(label.topic(), k -> new TreeMap<>()).merge(topic, 1, Integer::sum);
            if (label.accept().contains(topic)) {
                topicRight++;
            } else {
                misses.add(label.id() + ": topic " + topic + ", labelled " + label.topic());
            }
            if (label.topic().equals("privacy")) {
                privacyMails++;
                privacyFound += topic.equals("privacy") ? 1 : 0;
            }
            if (label.subtopic() != null) {
                subtopicsLabelled++;
                if (label.subtopic().equals(decided.subtopic())) {
                    subtopicsRight++;
                } else {
                    misses.add(label.id() + ": sub-topic " + decided.subtopic() + ", labelled " + label.subtopic());
                }
            }
            if (label.lang().equals(decided.language())) {
                languageRight++;
            } else {
                misses.add(label.id() + ": language " + decided.language() + ", labelled " + label.lang());
            }
            if (SCANDINAVIAN.contains(label.lang())) {
                languages.computeIfAbsent(label.lang(), k -> new TreeMap<>()).merge(decided.language(), 1, Integer::sum);
            }
            Set<String> expected = new HashSet<>();
            label.ids().forEach(pair -> expected.add(canonical(pair.get(0), pair.get(1))));
            Set<String> found = new HashSet<>();
            for (IdentityNumber number : decided.identityNumbers()) {
                found.add(canonical(number.type().name(), number.value()));
            }
            identifiersExpected += expected.size();
            identifiersFound += found.size();
            for (String id : found) {
                if (expected.contains(id)) {
                    identifiersRight++;
                } else {
                    misses.add(label.id() + ": identifier found that is not one: " + id.substring(0, id.indexOf(':')));
                }
            }
            expected.stream().filter(id -> !found.contains(id))
                    .forEach(id -> misses.add(label.id() + ": identifier missed: " + id.substring(0, id.indexOf(':'))));
            if (label.topic().equals("automated") && acknowledge) {
                acknowledgementsToAutomated++;
            }
            if (acknowledge == label.ack()) {
                acknowledgementRight++;
            } else {
                misses.add(label.id() + ": acknowledge " + acknowledge + ", labelled " + label.ack());
            }
        }

        void unreadable(LabelledMail label, String reason) {
            mails++;
            identifiersExpected += label.ids().size();
            if (label.topic().equals("privacy")) {
                privacyMails++;
            }
            misses.add(label.id() + ": could not be read: " + reason);
        }

        Evaluation evaluation() {
            return new Evaluation(mails, topicRight, privacyMails, privacyFound, languageRight, identifiersFound, identifiersRight,
                    identifiersExpected, acknowledgementsToAutomated, acknowledgementRight, subtopicsLabelled, subtopicsRight, topics, languages, List.copyOf(misses));
        }
    }
}
