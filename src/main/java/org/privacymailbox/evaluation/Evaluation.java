package org.privacymailbox.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The figures of one evaluation run, and the mails that were decided wrongly. */
public record Evaluation(
        int mails,
        int topicRight,
        int privacyMails,
        int privacyFound,
        int languageRight,
        int identifiersFound,
        int identifiersRight,
        int identifiersExpected,
        int acknowledgementsToAutomated,
        int acknowledgementRight,
        int subtopicsLabelled,
        int subtopicsRight,
        Map<String, Map<String, Integer>> topicConfusion,
        Map<String, Map<String, Integer>> languageConfusion,
        List<String> misses) {

    public double topicAccuracy() {
        return ratio(topicRight, mails);
    }

    public double privacyRecall() {
        return ratio(privacyFound, privacyMails);
    }

    public double languageAccuracy() {
        return ratio(languageRight, mails);
    }

    public double subtopicAccuracy() {
        return ratio(subtopicsRight, subtopicsLabelled);
    }

    public double identifierPrecision() {
        return ratio(identifiersRight, identifiersFound);
    }

    public double identifierRecall() {
        return ratio(identifiersRight, identifiersExpected);
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }

    /** The report printed by {@code evaluate}. */
    public String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "mails: %d%n", mails));
        out.append(String.format(Locale.ROOT, "topic accuracy: %.1f %% (%d/%d)%n", 100 * topicAccuracy(), topicRight, mails));
        out.append(String.format(Locale.ROOT, "privacy recall: %.1f %% (%d/%d)%n", 100 * privacyRecall(), privacyFound, privacyMails));
        if (subtopicsLabelled > 0) {
            out.append(String.format(Locale.ROOT, "sub-topic accuracy: %.1f %% (%d/%d mails with a labelled sub-topic)%n",
                    100 * subtopicAccuracy(), subtopicsRight, subtopicsLabelled));
        }
        out.append(String.format(Locale.ROOT, "language accuracy: %.1f %% (%d/%d)%n", 100 * languageAccuracy(), languageRight, mails));
        out.append(String.format(Locale.ROOT, "identifier precision: %.1f %% (%d/%d), recall: %.1f %% (%d/%d)%n",
                100 * identifierPrecision(), identifiersRight, identifiersFound, 100 * identifierRecall(), identifiersRight, identifiersExpected));
        out.append(String.format(Locale.ROOT, "acknowledgements to automated mail: %d; acknowledgement decisions right: %d/%d%n",
                acknowledgementsToAutomated, acknowledgementRight, mails));
        out.append("topic confusion (rows: labelled, columns: decided)").append(System.lineSeparator());
        out.append(table(topicConfusion, List.of("privacy", "billing", "other", "automated")));
        out.append("language confusion among da, no, sv (rows: labelled, columns: detected)").append(System.lineSeparator());
        out.append(table(languageConfusion, List.of("da", "no", "sv")));
        if (!misses.isEmpty()) {
            out.append("wrong decisions:").append(System.lineSeparator());
            misses.forEach(miss -> out.append("  ").append(miss).append(System.lineSeparator()));
        }
        return out.toString();
    }

    private static String table(Map<String, Map<String, Integer>> confusion, List<String> labels) {
        List<String> columns = new ArrayList<>(labels);
        confusion.values().forEach(row -> row.keySet().stream().filter(c -> !columns.contains(c)).forEach(columns::add));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%12s", ""));
        columns.forEach(column -> out.append(String.format(Locale.ROOT, "%11s", column)));
        out.append(System.lineSeparator());
        for (String row : labels) {
            Map<String, Integer> counts = confusion.getOrDefault(row, new TreeMap<>());
            out.append(String.format(Locale.ROOT, "%12s", row));
            columns.forEach(column -> out.append(String.format(Locale.ROOT, "%11d", counts.getOrDefault(column, 0))));
            out.append(System.lineSeparator());
        }
        return out.toString();
    }
}
