package org.privacymailbox.privacy;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Nordic national identity numbers in free text. Every candidate must carry a real date of birth and, where
 * the scheme has one, a valid check digit; invoice, customer and phone numbers of the same length fail those tests.
 */
public class IdentityNumberDetector {

    private static final Pattern HETU = Pattern.compile(
            "(?<![\\p{Alnum}])(\\d{2})(\\d{2})(\\d{2})([-+A-FU-Ya-fu-y])(\\d{3})([0-9A-Ya-y])(?![\\p{Alnum}])");
    private static final Pattern NO_FNR = Pattern.compile("(?<![\\d-])(\\d{2})(\\d{2})(\\d{2}) ?(\\d{5})(?![\\d-])");
    private static final Pattern SE_PNR = Pattern.compile("(?<![\\d-])(\\d{2})?(\\d{2})(\\d{2})(\\d{2})([-+]?)(\\d{4})(?![\\d-])");
    private static final Pattern DK_CPR = Pattern.compile("(?<![\\d-])(\\d{2})(\\d{2})(\\d{2})(-?)(\\d{4})(?![\\d-])");
    private static final Pattern FINNISH_CONTEXT = Pattern.compile("henkilö|hetu|sotu|syntymä|identity code", Pattern.CASE_INSENSITIVE);
    private static final Pattern CPR_CONTEXT = Pattern.compile("cpr|personnummer|person-nr|personnr|fødselsdato", Pattern.CASE_INSENSITIVE);
    private static final String HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY";
    private static final int CONTEXT_WINDOW = 40;

    public List<IdentityNumber> find(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<IdentityNumber> found = new ArrayList<>();
        findHetu(text, found);
        findFnr(text, found);
        findPnrAndCpr(text, found);
        return withoutOverlaps(found);
    }

    private static void findHetu(String text, List<IdentityNumber> found) {
        Matcher m = HETU.matcher(text);
        while (m.find()) {
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
            if (sign == '-' && digitCheck && !FINNISH_CONTEXT.matcher(text.substring(Math.max(0, m.start() - CONTEXT_WINDOW), m.start())).find()
                    && cprDateOk(parse(m.group(1)), parse(m.group(2)), parse(m.group(3)), parse(m.group(5).substring(0, 1)))) {
                continue; // DDMMYY-NNNN is also a CPR number; without Finnish words nearby the Danish reading is likelier
            }
            long number = Long.parseLong(m.group(1) + m.group(2) + m.group(3) + m.group(5));
            if (HETU_CHECK.charAt((int) (number % 31)) == Character.toUpperCase(m.group(6).charAt(0))) {
                found.add(new IdentityNumber(IdentityType.FI_HETU, m.group(), m.start(), m.end()));
            }
        }
    }

    private static void findFnr(String text, List<IdentityNumber> found) {
        Matcher m = NO_FNR.matcher(text);
        while (m.find()) {
            String digits = m.group(1) + m.group(2) + m.group(3) + m.group(4);
            int day = parse(m.group(1));
            day = day > 40 ? day - 40 : day; // D-number
            int individual = parse(m.group(4).substring(0, 3));
            int year = fnrYear(parse(m.group(3)), individual);
            if (year > 0 && isDate(year, parse(m.group(2)), day) && fnrChecksOk(digits)) {
                found.add(new IdentityNumber(IdentityType.NO_FNR, m.group(), m.start(), m.end()));
            }
        }
    }

    private static void findPnrAndCpr(String text, List<IdentityNumber> found) {
        Matcher se = SE_PNR.matcher(text);
        while (se.find()) {
            String tenDigits = se.group(2) + se.group(3) + se.group(4) + se.group(6);
            int day = parse(se.group(4));
            day = day > 60 ? day - 60 : day; // samordningsnummer
            int yy = parse(se.group(2));
            int year = se.group(1) != null ? parse(se.group(1)) * 100 + yy : (yy <= 30 ? 2000 + yy : 1900 + yy);
            boolean hasCentury = se.group(1) != null;
            if (hasCentury && !(se.group(1).equals("19") || se.group(1).equals("20") || se.group(1).equals("18"))) {
                continue;
            }
            if (!isDate(year, parse(se.group(3)), day) || !luhn(tenDigits)) {
                continue;
            }
            boolean separated = !se.group(5).isEmpty();
            if (!hasCentury && looksLikeCpr(text, se.start(), se.group(), separated)) {
                continue; // same shape, and the text speaks of a CPR number: the Danish reading wins
            }
            found.add(new IdentityNumber(IdentityType.SE_PNR, se.group(), se.start(), se.end()));
        }
        Matcher dk = DK_CPR.matcher(text);
        while (dk.find()) {
            if (!cprDateOk(parse(dk.group(1)), parse(dk.group(2)), parse(dk.group(3)), parse(dk.group(5).substring(0, 1)))) {
                continue;
            }
            boolean separated = !dk.group(4).isEmpty();
            // ten bare digits with a date in front are common (customer numbers); without a hyphen ask for context
            if (separated || hasCprContext(text, dk.start())) {
                found.add(new IdentityNumber(IdentityType.DK_CPR, dk.group(), dk.start(), dk.end()));
            }
        }
    }

    private static boolean looksLikeCpr(String text, int start, String candidate, boolean separated) {
        String digits = candidate.replace("-", "").replace("+", "");
        boolean cprDate = cprDateOk(parse(digits.substring(0, 2)), parse(digits.substring(2, 4)), parse(digits.substring(4, 6)),
                parse(digits.substring(6, 7)));
        if (!cprDate) {
            return false;
        }
        String before = text.substring(Math.max(0, start - CONTEXT_WINDOW), start).toLowerCase(Locale.ROOT);
        return before.contains("cpr") || (separated && !before.contains("personnummer") && !before.contains("personnr")
                && !before.contains("samordningsnummer"));
    }

    private static boolean hasCprContext(String text, int start) {
        return CPR_CONTEXT.matcher(text.substring(Math.max(0, start - CONTEXT_WINDOW), start)).find();
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
