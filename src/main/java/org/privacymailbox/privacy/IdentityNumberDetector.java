package org.privacymailbox.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Nordic national identity numbers in free text. Every candidate must carry a real date of birth and, where
 * the scheme has one, a valid check digit. Written with its standard separator (010180-4321, 900101-1239,
 * 010203A456R) a valid number counts; a bare digit string (0101804321, 24127530188) counts only when a word such
 * as "CPR" or "personnummer" stands near it, because invoice, customer and phone numbers of the same length
 * often pass the date and check-digit tests by chance.
 */
public class IdentityNumberDetector {

    /** The longest number any pattern below matches: a Swedish one with its century, 19900101-1234. */
    private static final int LONGEST_MATCH = 13;
    static final Pattern HETU = Pattern.compile(
            "(?<![\\p{Alnum}])(\\d{2})(\\d{2})(\\d{2})([-+A-FU-Ya-fu-y])(\\d{3})([0-9A-Ya-y])(?![\\p{Alnum}])");
    static final Pattern NO_FNR = Pattern.compile("(?<![\\d-])(\\d{2})(\\d{2})(\\d{2})( ?)(\\d{5})(?![\\d-])");
    /** Swedish (10 or 12 digits, - or +) and Danish (10 digits, -) numbers share this shape. */
    static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\d-])(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{4})(?![\\d-])");
    private static final Pattern FINNISH_CONTEXT = Pattern.compile("henkilö|henkilo|hetu|sotu|syntymä|identity code|personbeteckning",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern KEYWORD = Pattern.compile(
            "(?<cpr>cpr)|(?<se>personnummer|personnr|person-nr|pers\\.? ?nr|pnr|samordningsnummer|personnumret)"
                    + "|(?<no>fødselsnummer|fødselsnr|fodselsnummer|foedselsnummer|fnr|d-nummer|personnummeret)"
                    + "|(?<any>henkilötunnus|henkilotunnus|hetu|personal identification number|personal identity number"
                    + "|national identity number|national id|identity number|id number|id-nummer|social security|personennummer"
                    + "|identifikationsnummer|personal number)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final int CONTEXT_BEFORE = 50;
    private static final int CONTEXT_AFTER = 30;

    private enum Keyword { CPR, SE, NO, ANY }

    public List<IdentityNumber> find(String text) {
        return find(text, false);
    }

    /**
     * As typed by staff into a search box, where a bare number means an identity number: the keyword is not
     * asked for.
     */
    public List<IdentityNumber> findAsTyped(String text) {
        return find(text, true);
    }

    private List<IdentityNumber> find(String text, boolean bareAllowed) {
        if (text == null || !hasSixDigitsInARow(text)) {
            return List.of();
        }
        List<IdentityNumber> found = new ArrayList<>();
        findHetu(text, found);
        findFnr(text, found, bareAllowed);
        findTenDigitNumbers(text, found, bareAllowed);
        return withoutOverlaps(found);
    }

    /**
     * Every number looked for begins with a six-digit date; most text has none, and is not run through the three
     * patterns, whose look-behinds are tried at every character.
     */
    private static boolean hasSixDigitsInARow(String text) {
        return nextRunOfSixDigits(text, 0) >= 0;
    }

    /** Where the next run of at least six digits begins, at or after {@code from}; -1 when none does. */
    private static int nextRunOfSixDigits(String text, int from) {
        int run = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++run == 6) {
                    return i - 5;
                }
            } else {
                run = 0;
            }
        }
        return -1;
    }

    /**
     * What {@code pattern.matcher(text).results()} gives, for the three patterns above, without running them over
     * the whole text: each must begin where a run of six or more digits begins (its look-behind forbids a digit
     * before), so it is tried only there, over at most {@link #LONGEST_MATCH} characters, with the look-arounds
     * seeing past that window. No match holds a second run of six digits, so no match is found twice. Scanning every
     * character with the look-behinds cost more than all the rest of the detection.
     */
    static List<MatchResult> matches(Pattern pattern, String text) {
        List<MatchResult> matches = new ArrayList<>();
        Matcher m = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        for (int run = nextRunOfSixDigits(text, 0); run >= 0; run = nextRunOfSixDigits(text, endOfDigits(text, run))) {
            m.region(run, Math.min(text.length(), run + LONGEST_MATCH));
            if (m.lookingAt()) {
                matches.add(m.toMatchResult());
            }
        }
        return matches;
    }

    private static int endOfDigits(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    private static void findHetu(String text, List<IdentityNumber> found) {
        for (MatchResult m : matches(HETU, text)) {
            char sign = Character.toUpperCase(m.group(4).charAt(0));
            int century = switch (sign) {
                case '+' -> 1800;
                case '-', 'U', 'V', 'W', 'X', 'Y' -> 1900;
                default -> 2000;
            };
            if (!isDate(century + parse(m.group(3)), parse(m.group(2)), parse(m.group(1)))) {
                continue;
            }
            boolean digitCheck = Character.isDigit(m.group(6).charAt(0));
            if (sign == '-' && digitCheck && !FINNISH_CONTEXT.matcher(text.substring(Math.max(0, m.start() - CONTEXT_BEFORE), m.start())).find()
                    && cprDateOk(parse(m.group(1)), parse(m.group(2)), parse(m.group(3)), parse(m.group(5).substring(0, 1)))) {
                continue; // DDMMYY-NNNN is also a CPR number; without Finnish words nearby the Danish reading is likelier
            }
            long number = Long.parseLong(m.group(1) + m.group(2) + m.group(3) + m.group(5));
            if (HETU_CHECK.charAt((int) (number % 31)) == Character.toUpperCase(m.group(6).charAt(0))) {
                found.add(new IdentityNumber(IdentityType.FI_HETU, m.group(), m.start(), m.end()));
            }
        }
    }

    private static void findFnr(String text, List<IdentityNumber> found, boolean bareAllowed) {
        for (MatchResult m : matches(NO_FNR, text)) {
            String digits = m.group(1) + m.group(2) + m.group(3) + m.group(5);
            int day = parse(m.group(1));
            day = day > 40 ? day - 40 : day; // D-number
            int individual = parse(m.group(5).substring(0, 3));
            int year = fnrYear(parse(m.group(3)), individual);
            boolean separated = !m.group(4).isEmpty();
            if (year > 0 && isDate(year, parse(m.group(2)), day) && fnrChecksOk(digits)
                    && (separated || bareAllowed || keywordNear(text, m.start(), m.end()) != null)) {
                found.add(new IdentityNumber(IdentityType.NO_FNR, m.group(), m.start(), m.end()));
            }
        }
    }

    private static void findTenDigitNumbers(String text, List<IdentityNumber> found, boolean bareAllowed) {
        for (MatchResult m : matches(TEN_DIGITS, text)) {
            String century = m.group(1);
            String separator = m.group(5);
            Keyword keyword = keywordNear(text, m.start(), m.end());
            if (separator.isEmpty() && keyword == null && !bareAllowed) {
                continue; // bare digits: an identity number only where the text says so
            }
            boolean swedish = swedishValid(century, m.group(2), m.group(3), m.group(4), m.group(6));
            boolean danish = century == null && !separator.equals("+")
                    && cprDateOk(parse(m.group(2)), parse(m.group(3)), parse(m.group(4)), parse(m.group(6).substring(0, 1)));
            IdentityType type = null;
            if (keyword == Keyword.CPR && danish) {
                type = IdentityType.DK_CPR;
            } else if (keyword == Keyword.SE && swedish) {
                type = IdentityType.SE_PNR;
            } else if (danish) {
                // the same digits are often both; a Danish number is the likelier reading without a Swedish word near
                type = IdentityType.DK_CPR;
            } else if (swedish) {
                type = IdentityType.SE_PNR;
            }
            if (type != null) {
                found.add(new IdentityNumber(type, m.group(), m.start(), m.end()));
            }
        }
    }

    /** Personnummer and samordningsnummer (day + 60): a real date and the Luhn digit over the last ten digits. */
    private static boolean swedishValid(String century, String yy, String mm, String dd, String serial) {
        if (century != null && !(century.equals("18") || century.equals("19") || century.equals("20"))) {
            return false;
        }
        int day = parse(dd);
        day = day > 60 ? day - 60 : day;
        int year = century != null ? parse(century) * 100 + parse(yy) : (parse(yy) <= 30 ? 2000 : 1900) + parse(yy);
        return isDate(year, parse(mm), day) && luhn(yy + mm + dd + serial);
    }

    private static Keyword keywordNear(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - CONTEXT_BEFORE), start);
        String after = text.substring(end, Math.min(text.length(), end + CONTEXT_AFTER));
        Keyword nearest = null;
        Matcher m = KEYWORD.matcher(before);
        while (m.find()) {
            nearest = keyword(m); // the last one before the number is the nearest
        }
        if (nearest == null) {
            Matcher next = KEYWORD.matcher(after);
            if (next.find()) {
                nearest = keyword(next);
            }
        }
        return nearest;
    }

    private static Keyword keyword(Matcher m) {
        if (m.group("cpr") != null) {
            return Keyword.CPR;
        }
        if (m.group("se") != null) {
            return Keyword.SE;
        }
        return m.group("no") != null ? Keyword.NO : Keyword.ANY;
    }

    /** The seventh digit and the two-digit year together give the century (CPR rules of 1968, still in force). */
    private static boolean cprDateOk(int day, int month, int yy, int seventh) {
        int century;
        if (seventh <= 3) {
            century = 1900;
        } else if (seventh == 4 || seventh == 9) {
            century = yy <= 36 ? 2000 : 1900;
        } else {
            century = yy <= 57 ? 2000 : 1800;
        }
        return isDate(century + yy, month, day);
    }

    private static int fnrYear(int yy, int individual) {
        if (individual <= 499) {
            return 1900 + yy;
        }
        if (individual <= 749 && yy >= 54) {
            return 1800 + yy;
        }
        if (individual >= 900 && yy >= 40) {
            return 1900 + yy;
        }
        if (yy <= 39) {
            return 2000 + yy;
        }
        return -1;
    }

    private static boolean fnrChecksOk(String d) {
        int[] w1 = {3, 7, 6, 1, 8, 9, 4, 5, 2};
        int[] w2 = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int k1 = mod11(d, w1);
        if (k1 < 0 || k1 != d.charAt(9) - '0') {
            return false;
        }
        int k2 = mod11(d, w2);
        return k2 >= 0 && k2 == d.charAt(10) - '0';
    }

    private static int mod11(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            return 0;
        }
        return check == 10 ? -1 : check;
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = digits.charAt(i) - '0';
            if (i % 2 == 0) {
                value *= 2;
                if (value > 9) {
                    value -= 9;
                }
            }
            sum += value;
        }
        return sum % 10 == 0;
    }

    private static boolean isDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static int parse(String digits) {
        return Integer.parseInt(digits);
    }

    private static List<IdentityNumber> withoutOverlaps(List<IdentityNumber> found) {
        List<IdentityNumber> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(IdentityNumber::start)
                .thenComparing(Comparator.comparingInt((IdentityNumber n) -> n.end() - n.start()).reversed()));
        List<IdentityNumber> result = new ArrayList<>();
        int coveredUntil = -1;
        for (IdentityNumber number : sorted) {
            if (number.start() >= coveredUntil) {
                result.add(number);
                coveredUntil = number.end();
            }
        }
        return List.copyOf(result);
    }
}
