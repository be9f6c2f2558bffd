package org.privacymailbox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Danish, Norwegian and Swedish apart by their function words and spelling. Character n-gram detectors
 * confuse the three on the two-sentence mail customers write ("Jag vill att ni tar bort …" comes out Norwegian);
 * the words that differ between them (hvad/hva/vad, mig/meg, tak/takk/tack, ikke/inte) do not.
 */
final class ScandinavianWords {

    private static final Pattern WORD = Pattern.compile("[\\p{L}]+");
    /** Spellings that mark a language inside compounds and inflections, which a word list cannot enumerate. */
    private static final List<Cue> CUES = List.of(
            new Cue(Pattern.compile("opplys|sjon$|^kj|^hj[e]|kk$|^ikkj"), "no"),
            new Cue(Pattern.compile("(?<!p)oplys|hed$|heden$|heder$|erne$|^hj[æ]|ighed"), "da"),
            new Cue(Pattern.compile("uppgift|^hj[ä]|tion$|tionen$|[äö]"), "sv"));
    private static final double MIN_SCORE = 1.5;
    private static final double MIN_LEAD = 1.0;

    private final Map<String, Set<String>> languagesByWord;

    ScandinavianWords() {
        this.languagesByWord = load();
    }

    /** The language the words point to clearly enough, with its share of the evidence. */
    Optional<Vote> vote(String text) {
        Map<String, Double> score = new HashMap<>(Map.of("da", 0.0, "no", 0.0, "sv", 0.0));
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            Set<String> languages = languagesByWord.get(m.group());
            if (languages != null) {
                languages.forEach(language -> score.merge(language, 1.0 / languages.size(), Double::sum));
            } else {
                for (Cue cue : CUES) {
                    if (cue.pattern().matcher(m.group()).find()) {
                        score.merge(cue.language(), 0.5, Double::sum);
                    }
                }
            }
        }
        // ä and ö are Swedish letters; æ and ø are Danish and Norwegian ones
        long swedishLetters = text.codePoints().filter(c -> c == 'ä' || c == 'ö' || c == 'Ä' || c == 'Ö').count();
        long danoLetters = text.codePoints().filter(c -> c == 'æ' || c == 'ø' || c == 'Æ' || c == 'Ø').count();
        score.merge("sv", Math.min(3, swedishLetters) * 1.0, Double::sum);
        score.merge("da", Math.min(3, danoLetters) * 0.5, Double::sum);
        score.merge("no", Math.min(3, danoLetters) * 0.5, Double::sum);
        String best = null;
        double bestScore = -1;
        double second = -1;
        double total = 0;
        for (Map.Entry<String, Double> entry : score.entrySet()) {
            total += entry.getValue();
            if (entry.getValue() > bestScore) {
                second = bestScore;
                bestScore = entry.getValue();
                best = entry.getKey();
            } else if (entry.getValue() > second) {
                second = entry.getValue();
            }
        }
        if (bestScore < MIN_SCORE || bestScore - second < MIN_LEAD) {
            return Optional.empty();
        }
        return Optional.of(new Vote(best, bestScore / total));
    }

    record Vote(String language, double share) {
    }

    private record Cue(Pattern pattern, String language) {
    }

    /** Whether the text has Danish or Norwegian words and nothing Swedish: then it is not Swedish, whatever n-grams say. */
    boolean clearlyNotSwedish(String text) {
        double danishOrNorwegian = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            Set<String> languages = languagesByWord.get(m.group());
            if (languages == null) {
                continue;
            }
            if (languages.contains("sv") && languages.size() < 3) {
                return false;
            }
            if (!languages.contains("sv")) {
                danishOrNorwegian++;
            }
        }
        return danishOrNorwegian >= 1 && text.codePoints().noneMatch(c -> c == 'ä' || c == 'ö' || c == 'Ä' || c == 'Ö');
    }

    private static Map<String, Set<String>> load() {
        Map<String, Set<String>> words = new HashMap<>();
        try (InputStream in = ScandinavianWords.class.getResourceAsStream("/classification/scandinavian-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("classification/scandinavian-words.txt is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int colon = line.indexOf(':');
                String language = line.substring(0, colon).strip();
                for (String word : line.substring(colon + 1).strip().split("\\s+")) {
                    words.computeIfAbsent(word, w -> new HashSet<>()).add(language);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }
}
