package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OCR reads an image in the mail's language only when the mail's text names it clearly; otherwise in all of them. */
class ClearLanguageTest {

    private final LanguageDetector languages = new LanguageDetector();

    @Test
    void aSentenceNamesItsLanguage() {
        assertThat(languages.clearLanguage("Hello, attached is the receipt for my order. Was my card leaked?")).isEqualTo("en");
        assertThat(languages.clearLanguage("Hei, liitteenä on kuittini tilauksesta. Vuotivatko tietoni?")).isEqualTo("fi");
        assertThat(languages.clearLanguage("Hej, bifogat är mitt kvitto för beställningen.")).isEqualTo("sv");
    }

    @Test
    void aScandinavianSentenceIsClearAlthoughItsLanguagesResembleEachOther() {
        assertThat(languages.clearLanguage("Min kvittering\n\nHej, her er kvitteringen for min ordre. Jeg vil gerne vide, om mine oplysninger er lækket."))
                .isIn("da", "no");
    }

    @Test
    void aFewWordsOrNoneNameNoLanguage() {
        assertThat(languages.clearLanguage("se vedhæftet")).isNull();
        assertThat(languages.clearLanguage("")).isNull();
        assertThat(languages.clearLanguage(null)).isNull();
        assertThat(languages.clearLanguage("4711 2026-11-30 08:00 12,50 EUR")).isNull();
    }
}
