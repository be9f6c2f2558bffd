package org.privacymailbox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words and phrases that point to a topic and sub-topic, per language, read from a file an operator can
 * change without rebuilding. The file's own header explains the format.
 */
public record Vocabulary(List<Entry> entries) {

    /** The languages with their own words; {@code *} marks words shared by all. */
    public static final Set<String> LANGUAGES = Set.of("da", "sv", "no", "fi", "en", "de", "*");
    /** From this weight on an entry is a data-subject request: it wins over any billing words. */
    public static final int REQUEST_WEIGHT = 3;

    public Vocabulary {
        entries = List.copyOf(entries);
    }

    /** {@code subtopic} is null for words that point to the topic only. */
    public record Entry(String language, Topic topic, String subtopic, int weight, String phrase, String origin) {
    }

    public static Vocabulary read(InputStream in, String source) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                entries.add(parse(text, source + " line " + number));
            }
        }
        if (entries.isEmpty()) {
            throw new IOException(source + ": no entries");
        }
        return new Vocabulary(entries);
    }

    private static Entry parse(String text, String origin) throws IOException {
        String[] parts = text.split("\\s+", 4);
        if (parts.length < 4) {
            throw new IOException(origin + ": expected 'language topic[/sub-topic] weight words', found '" + text + "'");
        }
        String language = parts[0].toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new IOException(origin + ": unknown language '" + parts[0] + "' (one of da, sv, no, fi, en, de, *)");
        }
        String[] topicParts = parts[1].toLowerCase(Locale.ROOT).split("/", 2);
        Topic topic;
        try {
            topic = Topic.valueOf(topicParts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            topic = null;
        }
        if (topic != Topic.PRIVACY && topic != Topic.BILLING) {
            throw new IOException(origin + ": topic must be privacy or billing, found '" + parts[1] + "'");
        }
        int weight;
        try {
            weight = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            weight = 0;
        }
        if (weight < 1 || weight > REQUEST_WEIGHT) {
            throw new IOException(origin + ": weight must be 1, 2 or 3, found '" + parts[2] + "'");
        }
        return new Entry(language, topic, topicParts.length > 1 ? topicParts[1] : null, weight, parts[3].toLowerCase(Locale.ROOT), origin);
    }
}
