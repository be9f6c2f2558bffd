package org.privacymailbox.acknowledgement;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * The wording of acknowledgements, one properties file per language in a directory an operator can replace;
 * unknown languages get English. Read and checked at start: every language, every text, no unknown placeholder.
 */
public class AcknowledgementTexts {

    static final Set<String> LANGUAGES = Set.of("da", "sv", "no", "fi", "en", "de");
    static final Set<String> KEYS = Set.of("received", "greeting", "privacy", "billing", "other", "reference", "signature", "automatic");
    private static final Set<String> PLACEHOLDERS = Set.of("caseReference", "dueDate", "companyName", "contactAddress");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    private final Map<String, Properties> byLanguage = new HashMap<>();

    public AcknowledgementTexts(Resource directory) throws IOException {
        for (String language : LANGUAGES) {
            Resource file = directory.createRelative(language + ".properties");
            if (!file.exists()) {
                throw new IOException(file.getDescription() + " is missing: every language needs its texts");
            }
            Properties properties = new Properties();
            try (InputStream in = file.getInputStream(); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            for (String key : KEYS) {
                String text = properties.getProperty(key);
                if (text == null || text.isBlank()) {
                    throw new IOException(file.getDescription() + " has no text '" + key + "'");
                }
                Matcher m = PLACEHOLDER.matcher(text);
                while (m.find()) {
                    if (!PLACEHOLDERS.contains(m.group(1))) {
                        throw new IOException(file.getDescription() + ", text '" + key + "': unknown placeholder {" + m.group(1)
                                + "}; known are " + PLACEHOLDERS);
                    }
                }
            }
            byLanguage.put(language, properties);
        }
    }

    public String text(String language, String key) {
        Properties properties = byLanguage.getOrDefault(language, byLanguage.get("en"));
        return properties.getProperty(key);
    }
}
