package org.privacymailbox.classification;

import java.text.Normalizer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scores a customer's text against the vocabulary. A data-subject request wins over billing words, because a
 * privacy request sent to billing misses its legal deadline. No signal at all means a person wrote about
 * something else.
 */
public class TopicClassifier {

    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}.]+");
    private static final int COMPOUND_STEM_LENGTH = 6;
    private static final int REQUEST_WEIGHT = 3;

    private final Vocabulary vocabulary;

    public TopicClassifier(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    public Result classify(String text) {
        String normalised = " " + NOT_WORD.matcher(Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFC))
                .replaceAll(" ") + " ";
        Map<Topic, Integer> scores = new EnumMap<>(Topic.class);
        boolean request = false;
        for (Vocabulary.Entry entry : vocabulary.entries()) {
            if (matches(normalised, entry.stem())) {
                scores.merge(entry.topic(), entry.weight(), Integer::sum);
                request |= entry.topic() == Topic.PRIVACY && entry.weight() >= REQUEST_WEIGHT;
            }
        }
        int privacy = scores.getOrDefault(Topic.PRIVACY, 0);
        int billing = scores.getOrDefault(Topic.BILLING, 0);
        if (privacy == 0 && billing == 0) {
            return new Result(Topic.OTHER, 0.5);
        }
        Topic topic = request || privacy >= billing ? Topic.PRIVACY : Topic.BILLING;
        int winner = topic == Topic.PRIVACY ? privacy : billing;
        return new Result(topic, (double) winner / (privacy + billing + 1));
    }

    private static boolean matches(String text, String stem) {
        if (stem.length() >= COMPOUND_STEM_LENGTH) {
            return text.contains(stem);
        }
        return text.contains(" " + stem);
    }

    public record Result(Topic topic, double confidence) {
    }
}
