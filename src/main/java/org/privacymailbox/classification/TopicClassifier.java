package org.privacymailbox.classification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores a customer's words against the vocabulary, in every language at once (a Norwegian mail read as Danish
 * still matches Norwegian words). A data-subject request wins over billing words, because a privacy request sent to
 * billing misses its legal deadline. No signal at all means a person wrote about something else. Attachments and
 * forwarded text count half and never make a request: a receipt full of invoice words is evidence, not intent.
 */
public class TopicClassifier {

    private static final int PHRASE_SLOP = 3;
    private static final double SUPPORTING_FACTOR = 0.5;
    private static final double STRONG_SCORE = 3.0;
    private static final int PREFIX_MATCH_LENGTH = 12;
    private static final int PREFIX_MATCH_TRIM = 4;
    /**
     * Characters read of what the customer wrote, and of attachments and forwards together. An inquiry says what it is
     * about on its first pages; reading a 2-million-character attachment to the end in six languages cost more than
     * everything else done to a mail, and changed no decision.
     */
    static final int MAX_WRITTEN_CHARACTERS = 10_000;
    static final int MAX_SUPPORTING_CHARACTERS = 10_000;

    private final VocabularyForms forms;
    private final List<CompiledEntry> entries;
    /** Sub-topics in the order the vocabulary first names them: on a tie, the earlier one wins. */
    private final Map<String, Integer> subtopicOrder = new HashMap<>();

    public TopicClassifier(Vocabulary vocabulary) {
        Map<String, Set<String>> compoundParts = new HashMap<>();
        // only whole entries are compound parts: a phrase's helper words (kopi, fel) would split words by chance
        for (Vocabulary.Entry entry : vocabulary.entries()) {
            if (!entry.phrase().contains(" ")) {
                compoundParts.computeIfAbsent(entry.language(), l -> new HashSet<>()).add(entry.phrase());
            }
        }
        TopicTerms terms = new TopicTerms(compoundParts);
        this.entries = new ArrayList<>();
        for (Vocabulary.Entry entry : vocabulary.entries()) {
            List<String> phrase = terms.terms(entry.language(), entry.phrase());
            if (phrase.isEmpty()) {
                throw new IllegalArgumentException(entry.origin() + ": '" + entry.phrase() + "' has no words");
            }
            if (phrase.size() == 1 && terms.isStopWord(entry.language(), entry.phrase())) {
                throw new IllegalArgumentException(entry.origin() + ": '" + entry.phrase() + "' is a stop word and would match every mail");
            }
            entries.add(new CompiledEntry(entry, phrase, prefixMatched(phrase)));
        }
        // strong and long entries first: they claim the words they match before a weaker entry can
        entries.sort(Comparator.comparingInt((CompiledEntry e) -> e.source().weight()).reversed()
                .thenComparing(Comparator.comparingInt((CompiledEntry e) -> e.terms().size()).reversed())
                .thenComparing(e -> e.source().subtopic() == null)
                .thenComparing(Comparator.comparingInt((CompiledEntry e) -> String.join(" ", e.terms()).length()).reversed()));
        Map<String, Set<String>> wantedTerms = new HashMap<>();
        Map<String, Set<String>> wantedPrefixes = new HashMap<>();
        for (CompiledEntry entry : entries) {
            String language = entry.source().language();
            wantedTerms.computeIfAbsent(language, l -> new HashSet<>()).addAll(entry.terms());
            if (entry.prefix() != null) {
                wantedPrefixes.computeIfAbsent(language, l -> new HashSet<>()).add(entry.prefix());
            }
        }
        this.forms = new VocabularyForms(terms, wantedTerms, wantedPrefixes);
        for (Vocabulary.Entry entry : vocabulary.entries()) {
            if (entry.subtopic() != null) {
                subtopicOrder.putIfAbsent(entry.topic().label() + "/" + entry.subtopic(), subtopicOrder.size());
            }
        }
    }

    /** {@code written}: what the customer wrote now (subject, new text); {@code supporting}: attachments, forwards. */
    public Result classify(String written, String supporting) {
        Map<String, AnalysedText> writtenTerms = analyse(cut(written, MAX_WRITTEN_CHARACTERS));
        Map<String, AnalysedText> supportingTerms = supporting == null || supporting.isBlank()
                ? Map.of()
                : analyse(cut(supporting, MAX_SUPPORTING_CHARACTERS));
        Tally tally = new Tally();
        for (CompiledEntry entry : entries) {
            List<Integer> at = match(writtenTerms.get(entry.source().language()), entry);
            if (at != null) {
                tally.count(entry, at, true);
            } else {
                at = match(supportingTerms.get(entry.source().language()), entry);
                if (at != null) {
                    tally.count(entry, at, false);
                }
            }
        }
        Map<Topic, Double> scores = tally.scores;
        boolean request = tally.request;
        double privacy = scores.getOrDefault(Topic.PRIVACY, 0.0);
        double billing = scores.getOrDefault(Topic.BILLING, 0.0);
        if (privacy == 0 && billing == 0) {
            return new Result(Topic.OTHER, null, 0.5, List.of());
        }
        Topic topic = request || privacy >= billing ? Topic.PRIVACY : Topic.BILLING;
        double winner = topic == Topic.PRIVACY ? privacy : billing;
        double loser = topic == Topic.PRIVACY ? billing : privacy;
        // how one-sided the evidence is, scaled down while it is thin
        double confidence = winner / (winner + loser) * Math.min(1.0, winner / STRONG_SCORE);
        if (request) {
            confidence = Math.max(confidence, 0.75);
        }
        return new Result(topic, bestSubtopic(topic, tally.subtopics), Math.round(confidence * 100) / 100.0, List.copyOf(tally.evidence));
    }

    private Map<String, AnalysedText> analyse(String text) {
        Map<String, AnalysedText> byLanguage = new HashMap<>();
        forms.positions(text).forEach((language, positions) -> byLanguage.put(language, new AnalysedText(positions)));
        return byLanguage;
    }

    /** The text up to {@code max} characters, ending at a word boundary so that no half word is matched. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        while (end > max / 2 && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end);
    }

    private String bestSubtopic(Topic topic, Map<String, Double> subtopics) {
        String best = null;
        double bestScore = 0;
        String prefix = topic.label() + "/";
        for (Map.Entry<String, Double> candidate : subtopics.entrySet()) {
            if (!candidate.getKey().startsWith(prefix)) {
                continue;
            }
            boolean better = candidate.getValue() > bestScore || candidate.getValue() == bestScore && best != null
                    && subtopicOrder.get(candidate.getKey()) < subtopicOrder.get(prefix + best);
            if (better) {
                best = candidate.getKey().substring(prefix.length());
                bestScore = candidate.getValue();
            }
        }
        return best;
    }

    /**
     * Where the phrase's terms stand, in order, each within a few words of the one before; null when they do not.
     * A long single word also matches longer forms of itself (henkilötunnus, henkilötunnukseni), since stemmers
     * leave some inflections of compounds alone.
     */
    private static List<Integer> match(AnalysedText text, CompiledEntry entry) {
        if (text == null) {
            return null;
        }
        List<String> phrase = entry.terms();
        String first = phrase.get(0);
        if (phrase.size() == 1) {
            int at = entry.prefix() != null ? text.firstWithPrefix(entry.prefix()) : text.first(first);
            return at < 0 ? null : List.of(at);
        }
        for (int start : text.positionsOf(first)) {
            List<Integer> found = new ArrayList<>(List.of(start));
            if (rest(text.positions(), phrase, 1, start, found)) {
                return found;
            }
        }
        return null;
    }

    /**
     * The beginning a long single word is matched on: Finnish gradation changes a word's end (tunnus, tunnukseni), so
     * the word is compared without its last letters.
     */
    private static String prefixMatched(List<String> phrase) {
        String word = phrase.get(0);
        return phrase.size() == 1 && word.length() >= PREFIX_MATCH_LENGTH ? word.substring(0, word.length() - PREFIX_MATCH_TRIM) : null;
    }

    private static boolean rest(List<Set<String>> positions, List<String> phrase, int next, int after, List<Integer> found) {
        if (next == phrase.size()) {
            return true;
        }
        for (int j = after + 1; j <= Math.min(positions.size() - 1, after + 1 + PHRASE_SLOP); j++) {
            if (positions.get(j).contains(phrase.get(next))) {
                found.add(j);
                if (rest(positions, phrase, next + 1, j, found)) {
                    return true;
                }
                found.remove(found.size() - 1);
            }
        }
        return false;
    }

    /**
     * A text's terms by position, with where each term stands: a vocabulary entry is looked up, not searched for,
     * so a long mail costs one pass however many entries the vocabulary has.
     */
    static final class AnalysedText {

        private static final int[] NOWHERE = new int[0];

        private final List<Set<String>> positions;
        private final Map<String, int[]> where = new HashMap<>();
        /** The distinct terms in order, for prefix lookups; made when first needed. */
        private String[] sortedTerms;

        AnalysedText(List<Set<String>> positions) {
            this.positions = positions;
            // while collecting, each array holds its count first, then the positions in ascending order
            Map<String, int[]> collected = new HashMap<>();
            for (int i = 0; i < positions.size(); i++) {
                for (String term : positions.get(i)) {
                    int[] at = collected.get(term);
                    if (at == null) {
                        at = new int[] {1, i};
                        collected.put(term, at);
                    } else {
                        if (at[0] + 1 == at.length) {
                            at = Arrays.copyOf(at, at.length * 2);
                            collected.put(term, at);
                        }
                        at[++at[0]] = i;
                    }
                }
            }
            collected.forEach((term, at) -> where.put(term, Arrays.copyOfRange(at, 1, at[0] + 1)));
        }

        List<Set<String>> positions() {
            return positions;
        }

        int[] positionsOf(String term) {
            return where.getOrDefault(term, NOWHERE);
        }

        int first(String term) {
            int[] at = positionsOf(term);
            return at.length == 0 ? -1 : at[0];
        }

        /** The earliest position of any term starting with {@code prefix}, or -1. */
        int firstWithPrefix(String prefix) {
            if (sortedTerms == null) {
                sortedTerms = where.keySet().toArray(String[]::new);
                Arrays.sort(sortedTerms);
            }
            int from = Arrays.binarySearch(sortedTerms, prefix);
            int earliest = -1;
            for (int i = from >= 0 ? from : -from - 1; i < sortedTerms.length && sortedTerms[i].startsWith(prefix); i++) {
                int at = where.get(sortedTerms[i])[0];
                if (earliest < 0 || at < earliest) {
                    earliest = at;
                }
            }
            return earliest;
        }
    }

    /**
     * The evidence of one mail, entry by entry. Kept apart from the loop over the vocabulary so that the loop stays a
     * small method: compiled as one, the whole classification was the largest method the JIT compiled in an import
     * (70 KB of machine code), and it compiled it three times.
     */
    private static final class Tally {

        private final Map<Topic, Double> scores = new HashMap<>();
        private final Map<String, Double> subtopics = new LinkedHashMap<>();
        private final List<String> evidence = new ArrayList<>();
        private final Set<String> claimed = new HashSet<>();
        private boolean request;

        /** Counts an entry found at {@code at}, in what the customer wrote or, when not {@code written}, in support. */
        void count(CompiledEntry entry, List<Integer> at, boolean written) {
            Vocabulary.Entry source = entry.source();
            // a word counts once per topic, however many entries (slet, sletning; faktura in three languages) match it
            String claim = source.topic().label() + (written ? "written" : "supporting");
            for (int position : at) {
                if (claimed.contains(claim + position)) {
                    return;
                }
            }
            for (int position : at) {
                claimed.add(claim + position);
            }
            double weight = written ? source.weight() : source.weight() * SUPPORTING_FACTOR;
            request |= written && source.topic() == Topic.PRIVACY && source.weight() >= Vocabulary.REQUEST_WEIGHT;
            scores.merge(source.topic(), weight, Double::sum);
            evidence.add(source.language() + " " + source.topic().label() + " " + weight + " '" + source.phrase() + "'");
            if (source.subtopic() != null) {
                subtopics.merge(source.topic().label() + "/" + source.subtopic(), weight, Double::sum);
            }
        }
    }

    /** {@code prefix}: what a long single word is matched on (see {@link #prefixMatched}), worked out once; else null. */
    private record CompiledEntry(Vocabulary.Entry source, List<String> terms, String prefix) {
    }

    /**
     * {@code subtopic} is null when no sub-topic's words were found; {@code evidence} names the vocabulary entries
     * that matched, for explaining a decision (never the mail's text beyond those words).
     */
    public record Result(Topic topic, String subtopic, double confidence, List<String> evidence) {
    }
}
