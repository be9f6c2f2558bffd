package org.privacymailbox.search;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailQuery;
import org.privacymailbox.privacy.IdentityHasher;
import org.privacymailbox.privacy.IdentityNumber;
import org.privacymailbox.privacy.IdentityNumberDetector;
import org.privacymailbox.privacy.IdentityType;

/**
 * Reads what staff type into the search box: plain words and Lucene syntax, {@code from:} and {@code subject:},
 * the filters {@code topic:}, {@code subtopic:}, {@code lang:}, {@code case:}, {@code month:}, {@code has:attachment},
 * {@code after:2026-03-01} and {@code before:2026-04-01}. An identity number is never searched as text (the index
 * does not hold it): it becomes its keyed hash, so typing a CPR number finds every mail that names that person.
 */
public class QueryInterpreter {

    private static final Pattern FILTER = Pattern.compile("(?<![\\w:])(topic|subtopic|lang|case|month|status|has|after|before):(\\S+)",
            Pattern.CASE_INSENSITIVE);

    private final IdentityNumberDetector detector;
    private final IdentityHasher hasher;

    public QueryInterpreter(IdentityNumberDetector detector, IdentityHasher hasher) {
        this.detector = detector;
        this.hasher = hasher;
    }

    public MailQuery interpret(String typed, MailQuery.Order order, int offset, int limit) throws InvalidQueryException {
        String text = typed == null ? "" : typed.strip();
        List<String> hashes = new ArrayList<>();
        List<IdentityNumber> numbers = detector.findAsTyped(text);
        for (int i = numbers.size() - 1; i >= 0; i--) {
            IdentityNumber number = numbers.get(i);
            hashes.add(hasher.hash(number));
            // the same ten digits may have been indexed under the other reading (Danish or Swedish)
            if (number.type() == IdentityType.DK_CPR || number.type() == IdentityType.SE_PNR) {
                IdentityType other = number.type() == IdentityType.DK_CPR ? IdentityType.SE_PNR : IdentityType.DK_CPR;
                hashes.add(hasher.hash(new IdentityNumber(other, number.value(), number.start(), number.end())));
            }
            text = text.substring(0, number.start()) + " " + text.substring(number.end());
        }
        Map<String, String> filters = new LinkedHashMap<>();
        boolean hasAttachment = false;
        Instant after = null;
        Instant before = null;
        Matcher m = FILTER.matcher(text);
        StringBuilder words = new StringBuilder();
        int position = 0;
        while (m.find()) {
            words.append(text, position, m.start());
            position = m.end();
            String name = m.group(1).toLowerCase(Locale.ROOT);
            String value = m.group(2);
            switch (name) {
                case "has" -> {
                    if (!value.equalsIgnoreCase("attachment")) {
                        throw new InvalidQueryException("has: knows only has:attachment.", null);
                    }
                    hasAttachment = true;
                }
                case "after" -> after = date(name, value);
                case "before" -> before = date(name, value);
                case "case" -> filters.put(name, value.toUpperCase(Locale.ROOT));
                default -> filters.put(name, value.toLowerCase(Locale.ROOT));
            }
        }
        words.append(text.substring(position));
        return new MailQuery(words.toString().strip().replaceAll("\\s+", " "), filters, hashes, hasAttachment, after, before, order,
                offset, limit);
    }

    private static Instant date(String name, String value) throws InvalidQueryException {
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException(name + ": needs a date such as 2026-03-31, not '" + value + "'.", e);
        }
    }
}
