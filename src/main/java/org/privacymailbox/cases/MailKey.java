package org.privacymailbox.cases;

import org.privacymailbox.storage.Sha256;

/** Identifies a mail across deliveries: its Message-ID, or the hash of its bytes when it has none. */
public final class MailKey {

    private MailKey() {
    }

    /** Longer Message-IDs are hashed: no real one comes near, and keys must fit index terms and logs. */
    static final int MAX_MESSAGE_ID = 512;

    public static String of(String messageId, String sha256) {
        String normalised = normaliseMessageId(messageId);
        if (normalised.isEmpty()) {
            return "sha256:" + sha256;
        }
        return normalised.length() > MAX_MESSAGE_ID ? "mid-sha256:" + Sha256.hex(normalised) : "mid:" + normalised;
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
