package org.privacymailbox.cases;

/** Identifies a mail across deliveries: its Message-ID, or the hash of its bytes when it has none. */
public final class MailKey {

    private MailKey() {
    }

    public static String of(String messageId, String sha256) {
        String normalised = normaliseMessageId(messageId);
        return normalised.isEmpty() ? "sha256:" + sha256 : "mid:" + normalised;
    }

    public static String normaliseMessageId(String messageId) {
        if (messageId == null) {
            return "";
        }
        String text = messageId.strip();
        if (text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        return text.chars().anyMatch(c -> c < 0x21 || c == 0x7f) ? text.replaceAll("\\p{Cntrl}|\\s", "") : text;
    }
}
