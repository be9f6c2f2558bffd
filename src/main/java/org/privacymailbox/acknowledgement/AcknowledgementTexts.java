package org.privacymailbox.acknowledgement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The wording of acknowledgements per language; unknown languages get English. */
public class AcknowledgementTexts {

    static final Set<String> LANGUAGES = Set.of("da", "sv", "no", "fi", "en", "de");
    private static final Set<String> KEYS = Set.of("received", "greeting", "privacy", "billing", "other", "reference", "signature",
            "automatic");

    private final Map<String, Properties> byLanguage = new HashMap<>();

    public AcknowledgementTexts() {
        for (String language : LANGUAGES) {
            String resource = "/acknowledgement/" + language + ".properties";
            try (InputStream in = AcknowledgementTexts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing " + resource);
                }
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                if (!properties.keySet().containsAll(KEYS)) {
                    throw new IllegalStateException(resource + " must define " + KEYS);
                }
                byLanguage.put(language, properties);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public String text(String language, String key) {
        Properties properties = byLanguage.getOrDefault(language, byLanguage.get("en"));
        return properties.getProperty(key);
    }
}
