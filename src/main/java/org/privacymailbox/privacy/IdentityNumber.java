package org.privacymailbox.privacy;

/**
 * An identity number found in a text, with its position there. {@code value} is the number in clear and must
 * never leave the process in a log, an index or a queue; {@link #masked()} is what may.
 */
public record IdentityNumber(IdentityType type, String value, int start, int end) {

    /**
     * The date of birth as written, every later digit or letter hidden and separators kept: {@code 150385-****},
     * {@code 010190*****}. Staff recognise the person's birthday; the part that singles them out stays hidden.
     */
    public String masked() {
        int dateDigits = type == IdentityType.SE_PNR && value.matches("\\d{8}.*") ? 8 : 6;
        StringBuilder masked = new StringBuilder(value.length());
        int digitsSeen = 0;
        for (char c : value.toCharArray()) {
            if (digitsSeen < dateDigits && Character.isDigit(c)) {
                digitsSeen++;
                masked.append(c);
            } else {
                masked.append(Character.isLetterOrDigit(c) ? '*' : c);
            }
        }
        return masked.toString();
    }

    /** The form used for hashing: separators removed, so 010180-4321 and 0101804321 are the same person. */
    public String canonical() {
        String compact = value.replaceAll("[\\s-]", "");
        if (type == IdentityType.SE_PNR) {
            compact = compact.replace("+", "");
            return compact.length() == 12 ? compact.substring(2) : compact;
        }
        return compact.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "IdentityNumber[" + type + ", " + masked() + "]";
    }
}
