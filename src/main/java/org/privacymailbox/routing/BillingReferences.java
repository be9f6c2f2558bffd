package org.privacymailbox.routing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.privacymailbox.privacy.IdentityNumberDetector;

/**
 * Finds what billing staff look up first: invoice numbers (after a word such as "faktura", "invoice", "lasku")
 * and payment dates (dates near a word such as "betalt", "paid", "maksettu"), in the customer's text and
 * attachments. An identity number is never taken for an invoice number.
 */
public class BillingReferences {

    private static final List<String> INVOICE_WORDS = caseFolded("fakturanummer", "fakturanr", "faktura", "invoice", "rechnungsnummer",
            "rechnung", "laskunumero", "laskun", "lasku", "regningsnummer", "regning", "ocr-nummer", "ocr", "kid-nummer", "kid");
    private static final Pattern INVOICE = Pattern.compile(
            anyOf(INVOICE_WORDS) + "\\.?\\s*(?:nummer|number|numero|nro|nr|no|#)?\\.?\\s*[:.]?\\s*"
                    + "(?<number>[A-Z]{0,3}[-/]?\\d[\\d/-]{3,19}\\d)(?![\\d.,]\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final List<String> PAID_WORDS = caseFolded("betal", "paid", "payment", "betald", "betalad", "betalat", "betalning",
            "bezahlt", "gezahlt", "zahlung", "überwiesen", "maksettu", "maksoin", "maksu", "maksettiin", "overført", "overfør",
            "överför", "trukket", "dragit", "went out", "transferred");
    private static final Pattern PAID = Pattern.compile(anyOf(PAID_WORDS), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, Integer> MONTHS = months();
    private static final Pattern DATE = Pattern.compile(
            "(?<iso>(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2}))"
                    + "|(?<num>(?<nd>\\d{1,2})[./-](?<nm>\\d{1,2})[./-]?(?<ny>\\d{4}|\\d{2})?)(?![\\d])"
                    + "|(?<named>(?<wd>\\d{1,2})\\.?\\s+(?:de\\s+)?(?<wm>\\p{L}{3,10})\\.?(?:\\s+(?<wy>\\d{4}))?)"
                    + "|(?<us>(?<um>\\p{L}{3,10})\\s+(?<ud>\\d{1,2}),?\\s+(?<uy>\\d{4}))",
            Pattern.UNICODE_CASE);
    private static final int NEAR = 60;

    private final IdentityNumberDetector identityNumbers;

    public BillingReferences(IdentityNumberDetector identityNumbers) {
        this.identityNumbers = identityNumbers;
    }

    public record Found(List<String> invoiceNumbers, List<String> paymentDates) {
    }

    /** {@code year}: for dates written without one, the year the mail was sent. */
    public Found find(String text, int year) {
        // Most text has none of the words. Looking for them first is cheap; the patterns try every position of
        // the mail and its attachments, which cost more than anything else done to a billing mail when routing it.
        String folded = caseFolded(text);
        List<String> invoices = containsAny(folded, INVOICE_WORDS) ? invoiceNumbers(text, year) : List.of();
        List<String> dates = containsAny(folded, PAID_WORDS) ? paymentDates(text, year) : List.of();
        return new Found(invoices, new ArrayList<>(dates));
    }

    private List<String> invoiceNumbers(String text, int year) {
        Set<String> invoices = new LinkedHashSet<>();
        Set<String> identities = new LinkedHashSet<>();
        identityNumbers.find(text).forEach(number -> identities.add(number.value()));
        Matcher invoice = INVOICE.matcher(text);
        while (invoice.find()) {
            String number = invoice.group("number");
            if (!identities.contains(number) && date(number, year) == null) {
                invoices.add(number);
            }
        }
        return List.copyOf(invoices);
    }

    private static List<String> paymentDates(String text, int year) {
        Set<String> dates = new LinkedHashSet<>();
        Matcher date = DATE.matcher(text);
        while (date.find()) {
            LocalDate parsed = parse(date, year);
            if (parsed != null && PAID.matcher(window(text, date.start(), date.end())).find()) {
                dates.add(parsed.toString());
            }
        }
        return List.copyOf(dates);
    }

    private static String anyOf(List<String> words) {
        return "(?:" + String.join("|", words.stream().map(Pattern::quote).toList()) + ")";
    }

    /**
     * Each character folded the way the patterns' case-insensitive matching compares it (upper case, then lower case),
     * so a word missing from the folded text cannot match anywhere in the text.
     */
    private static String caseFolded(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = Character.toLowerCase(Character.toUpperCase(text.charAt(i)));
        }
        return new String(folded);
    }

    private static List<String> caseFolded(String... words) {
        return Arrays.stream(words).map(BillingReferences::caseFolded).toList();
    }

    /** {@code words} folded as {@link #caseFolded(String)} does. */
    private static boolean containsAny(String folded, List<String> words) {
        for (String word : words) {
            if (folded.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String window(String text, int start, int end) {
        return text.substring(Math.max(0, start - NEAR), Math.min(text.length(), end + NEAR));
    }

    private static LocalDate date(String candidate, int year) {
        Matcher m = DATE.matcher(candidate);
        return m.matches() ? parse(m, year) : null;
    }

    private static LocalDate parse(Matcher m, int year) {
        try {
            if (m.group("iso") != null) {
                return LocalDate.of(Integer.parseInt(m.group("iy")), Integer.parseInt(m.group("im")), Integer.parseInt(m.group("id")));
            }
            if (m.group("num") != null) {
                return LocalDate.of(fullYear(m.group("ny"), year), Integer.parseInt(m.group("nm")), Integer.parseInt(m.group("nd")));
            }
            if (m.group("named") != null) {
                Integer month = MONTHS.get(m.group("wm").toLowerCase(Locale.ROOT));
                return month == null ? null : LocalDate.of(fullYear(m.group("wy"), year), month, Integer.parseInt(m.group("wd")));
            }
            Integer month = MONTHS.get(m.group("um").toLowerCase(Locale.ROOT));
            return month == null ? null : LocalDate.of(Integer.parseInt(m.group("uy")), month, Integer.parseInt(m.group("ud")));
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int fullYear(String written, int year) {
        if (written == null) {
            return year;
        }
        int value = Integer.parseInt(written);
        return written.length() == 2 ? 2000 + value : value;
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new HashMap<>();
        String[][] names = {
            {"januar", "januari", "january", "jan", "tammikuuta"},
            {"februar", "februari", "february", "feb", "helmikuuta"},
            {"marts", "mars", "march", "märz", "mar", "maaliskuuta"},
            {"april", "apr", "huhtikuuta"},
            {"maj", "mai", "may", "toukokuuta"},
            {"juni", "june", "jun", "kesäkuuta"},
            {"juli", "july", "jul", "heinäkuuta"},
            {"august", "augusti", "aug", "elokuuta"},
            {"september", "sep", "sept", "syyskuuta"},
            {"oktober", "october", "okt", "oct", "lokakuuta"},
            {"november", "nov", "marraskuuta"},
            {"december", "desember", "dezember", "dec", "des", "dez", "joulukuuta"}};
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                months.put(name, i + 1);
            }
        }
        return Map.copyOf(months);
    }
}
