package org.privacymailbox.extraction;

/** Text read from one piece of content; {@code note} says why it is missing or partial, empty when complete. */
public record ExtractedText(String text, String note) {

    public ExtractedText {
        text = text == null ? "" : text;
        note = note == null ? "" : note;
    }

    public static ExtractedText complete(String text) {
        return new ExtractedText(text, "");
    }

    public static ExtractedText unread(String note) {
        return new ExtractedText("", note);
    }
}
