package org.privacymailbox.extraction;

/**
 * An attachment and what could be read from it. {@code note} says why text is missing or partial (too large,
 * encrypted, unreadable, cut at the character limit); it is empty when all went well.
 */
public record Attachment(String name, String contentType, long size, String text, String note) {

    public Attachment {
        name = name == null || name.isBlank() ? "(unnamed)" : name;
        text = text == null ? "" : text;
        note = note == null ? "" : note;
    }

    @Override
    public String toString() {
        return "Attachment[" + name + ", " + contentType + ", " + size + " bytes" + (note.isEmpty() ? "" : ", " + note) + "]";
    }
}
