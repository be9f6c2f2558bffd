package org.privacymailbox.extraction;

import java.util.List;

/**
 * Text read from one piece of content; {@code note} says why it is missing or partial, empty when complete.
 * {@code embedded} are the files found inside it (a zip's entries, the attachments in a winmail.dat), each with
 * its own text and note; {@code text} is the container's own text only.
 */
public record ExtractedText(String text, String note, List<EmbeddedFile> embedded) {

    public ExtractedText {
        text = text == null ? "" : text;
        note = note == null ? "" : note;
        embedded = embedded == null ? List.of() : List.copyOf(embedded);
    }

    public ExtractedText(String text, String note) {
        this(text, note, List.of());
    }

    public static ExtractedText complete(String text) {
        return new ExtractedText(text, "");
    }

    public static ExtractedText unread(String note) {
        return new ExtractedText("", note);
    }

    /** A file inside a container; {@code path} is its name inside, with the folders of nested containers. */
    public record EmbeddedFile(String path, String contentType, long size, String text, String note) {
    }
}
