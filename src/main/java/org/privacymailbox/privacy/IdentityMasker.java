package org.privacymailbox.privacy;

import java.util.List;

/** Replaces every identity number in a text by its masked shape, so the text can be stored and shown. */
public class IdentityMasker {

    private final IdentityNumberDetector detector;

    public IdentityMasker(IdentityNumberDetector detector) {
        this.detector = detector;
    }

    public String mask(String text) {
        return text == null || text.isEmpty() ? text : mask(text, detector.find(text));
    }

    /** For what staff typed (a search, a person): a bare number there is an identity number, keyword or not. */
    public String maskAsTyped(String text) {
        return text == null || text.isEmpty() ? text : mask(text, detector.findAsTyped(text));
    }

    private static String mask(String text, List<IdentityNumber> numbers) {
        if (numbers.isEmpty()) {
            return text;
        }
        StringBuilder masked = new StringBuilder(text.length());
        int position = 0;
        for (IdentityNumber number : numbers) {
            masked.append(text, position, number.start()).append(number.masked());
            position = number.end();
        }
        return masked.append(text, position, text.length()).toString();
    }
}
