package org.privacymailbox.privacy;

/**
 * An identity number found in a text, with its position there. {@code value} is the number in clear and must
 * never leave the process in a log, an index or a queue; {@link #masked()} is what may.
 */
public record IdentityNumber(IdentityType type, String value, int start, int end) {

    /** The number's shape with every digit and letter hidden, e.g. {@code XXXXXX-XXXX}. */
    public String masked() {
        return value.replaceAll("[\\p{Alnum}]", "X");
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
