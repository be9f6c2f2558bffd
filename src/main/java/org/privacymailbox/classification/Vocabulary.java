package org.privacymailbox.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The stems that point to a topic, read from a file an operator can change without rebuilding. */
public record Vocabulary(List<Entry> entries) {

    public Vocabulary {
        entries = List.copyOf(entries);
    }

    public record Entry(Topic topic, int weight, String stem) {
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
                String[] parts = text.split("\\s+", 3);
                try {
                    entries.add(new Entry(Topic.valueOf(parts[0].toUpperCase(Locale.ROOT)), Integer.parseInt(parts[1]),
                            parts[2].toLowerCase(Locale.ROOT)));
                } catch (RuntimeException e) {
                    throw new IOException(source + " line " + number + ": expected 'topic weight stem', found '" + text + "'");
                }
            }
        }
        return new Vocabulary(entries);
    }
}
