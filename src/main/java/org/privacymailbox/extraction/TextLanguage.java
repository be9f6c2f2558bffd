package org.privacymailbox.extraction;

/** Names the language a text is written in (ISO 639-1), or null when the text does not say so clearly. */
@FunctionalInterface
public interface TextLanguage {

    TextLanguage UNKNOWN = text -> null;

    String of(String text);
}
