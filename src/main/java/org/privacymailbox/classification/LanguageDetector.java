package org.privacymailbox.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import org.apache.tika.langdetect.optimaize.OptimaizeLangDetector;
import org.apache.tika.language.detect.LanguageResult;

/**
 * The language a customer wrote in, among those the mailbox serves. Unknown or too short text comes back as
 * English with low confidence, which is also the acknowledgement's fallback.
 */
public class LanguageDetector {

    public static final Set<String> SUPPORTED = Set.of("da", "sv", "no", "fi", "en", "de");
    private static final int MAX_CHARACTERS = 4000;

    private final OptimaizeLangDetector detector;

    public LanguageDetector() {
        try {
            detector = new OptimaizeLangDetector();
            detector.loadModels(SUPPORTED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language models", e);
        }
    }

    public DetectedLanguage detect(String text) {
        if (text == null || text.isBlank()) {
            return new DetectedLanguage("en", 0);
        }
        String sample = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
        List<LanguageResult> results;
        synchronized (detector) {
            results = detector.detectAll(sample);
        }
        if (results.isEmpty() || results.get(0).isUnknown()) {
            return new DetectedLanguage("en", 0);
        }
        LanguageResult best = results.get(0);
        String language = best.getLanguage().startsWith("nb") || best.getLanguage().startsWith("nn") ? "no" : best.getLanguage();
        return new DetectedLanguage(SUPPORTED.contains(language) ? language : "en", best.getRawScore());
    }

    public record DetectedLanguage(String language, double confidence) {
    }
}
