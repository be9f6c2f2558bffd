package org.privacymailbox.classification;

import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.i18n.LdLocale;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * The language a customer wrote in, among those the mailbox serves. Unknown or too short text comes back as
 * English with low confidence, which is also the acknowledgement's fallback.
 */
public class LanguageDetector {

    public static final Set<String> SUPPORTED = Set.of("da", "sv", "no", "fi", "en", "de");
    /**
     * The detector's cost grows with the text, its answer hardly after a few sentences: on 6,046 SpamAssassin mails,
     * the first 1,000 characters gave another language than the first 4,000 for 6 (English or German either way,
     * spam in Turkish among them), on 6,046 of the privacy mix for none.
     */
    private static final int MAX_CHARACTERS = 1000;
    private static final int CLEAR_LETTERS = 20;
    private static final double CLEAR_CONFIDENCE = 0.9;

    private static final Set<String> SCANDINAVIAN = Set.of("da", "no", "sv");

    private final com.optimaize.langdetect.LanguageDetector detector;
    private final ScandinavianWords scandinavian = new ScandinavianWords();

    /**
     * Optimaize's detector built directly, with the settings Tika's wrapper uses (standard n-grams, its short-text
     * algorithm up to 30 characters): the wrapper's class loads the profiles of all 71 languages it knows when it is
     * first touched, 0.9 s of every start, before it is told to use these six.
     */
    public LanguageDetector() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .shortTextAlgorithm(30)
                    .withProfiles(new LanguageProfileReader().readBuiltIn(SUPPORTED.stream().sorted().map(LdLocale::fromString).toList()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language models", e);
        }
    }

    public DetectedLanguage detect(String text) {
        if (text == null || text.isBlank()) {
            return new DetectedLanguage("en", 0);
        }
        String sample = sample(text);
        return decide(sample, candidates(sample));
    }

    /**
     * The language of a text when it says so clearly, otherwise null: at least {@value #CLEAR_LETTERS} letters, and a
     * confidence of {@value #CLEAR_CONFIDENCE} in the language or, for Danish, Norwegian and Swedish, no candidate of
     * another language: between these three the detector's confidence stays lower, and their distinct words decide.
     */
    public String clearLanguage(String text) {
        if (text == null || text.codePoints().filter(Character::isLetter).limit(CLEAR_LETTERS).count() < CLEAR_LETTERS) {
            return null;
        }
        String sample = sample(text);
        List<Candidate> candidates = candidates(sample);
        DetectedLanguage detected = decide(sample, candidates);
        boolean clear = SCANDINAVIAN.contains(detected.language())
                ? !candidates.isEmpty() && candidates.stream().allMatch(candidate -> SCANDINAVIAN.contains(candidate.language()))
                : detected.confidence() >= CLEAR_CONFIDENCE;
        return clear ? detected.language() : null;
    }

    private static String sample(String text) {
        return text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
    }

    /** The languages the text may be in, the likeliest first; empty when none is likely enough. */
    private List<Candidate> candidates(String sample) {
        // the text and the score as Tika's wrapper handed them over, which the confidences here were chosen with
        return detector.getProbabilities(sample + " ").stream()
                .map(detected -> new Candidate(normalise(detected.getLocale().getLanguage()), (float) detected.getProbability()))
                .toList();
    }

    private record Candidate(String language, double probability) {
    }

    private DetectedLanguage decide(String sample, List<Candidate> results) {
        String language = results.isEmpty() ? null : results.get(0).language();
        double confidence = language == null ? 0 : results.get(0).probability();
        // the n-gram detector is unreliable between the Scandinavian languages; their distinct words decide
        if (language == null || SCANDINAVIAN.contains(language)) {
            var vote = scandinavian.vote(sample);
            if (vote.isPresent()) {
                String voted = vote.get().language();
                return new DetectedLanguage(voted, voted.equals(language) ? Math.max(confidence, vote.get().share()) : vote.get().share());
            }
        }
        if ("sv".equals(language) && scandinavian.clearlyNotSwedish(sample)) {
            for (Candidate candidate : results) {
                String next = candidate.language();
                if (next.equals("da") || next.equals("no")) {
                    return new DetectedLanguage(next, candidate.probability());
                }
            }
        }
        if (language == null) {
            return new DetectedLanguage("en", 0);
        }
        return new DetectedLanguage(SUPPORTED.contains(language) ? language : "en", confidence);
    }

    private static String normalise(String language) {
        return language.startsWith("nb") || language.startsWith("nn") ? "no" : language;
    }

    public record DetectedLanguage(String language, double confidence) {
    }
}
