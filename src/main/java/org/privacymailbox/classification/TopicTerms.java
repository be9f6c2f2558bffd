package org.privacymailbox.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.da.DanishAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.DanishStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.FinnishStemmer;
import org.tartarus.snowball.ext.German2Stemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Turns text into the terms the vocabulary is compared with, per language, using Lucene's analysis: Snowball
 * stemming, compounds split on the vocabulary's own words (as first part, or last part before an inflection),
 * and Nordic and German letters folded so that
 * "oensker" and "ønsker" are one word. The stop words of each language keep a single-word entry from matching
 * every mail.
 */
final class TopicTerms {

    static final String ANY_LANGUAGE = "*";
    private static final int MIN_COMPOUND_PART = 4;
    /** A compound's last part may be followed by an inflection (personoplysning-erne), no more. */
    private static final int MAX_ENDING = 3;
    private static final int MAX_STEM_LOSS = 3;

    private final Map<String, Analyzer> analyzers = new HashMap<>();
    private final Analyzer splitter = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }
    };
    private final Map<String, CharArraySet> stopWords = Map.of(
            "da", DanishAnalyzer.getDefaultStopSet(),
            "sv", SwedishAnalyzer.getDefaultStopSet(),
            "no", NorwegianAnalyzer.getDefaultStopSet(),
            "fi", FinnishAnalyzer.getDefaultStopSet(),
            "en", EnglishAnalyzer.ENGLISH_STOP_WORDS_SET,
            "de", GermanAnalyzer.getDefaultStopSet());

    /** {@code compoundParts}: per language, the words that may stand inside a compound. */
    TopicTerms(Map<String, Set<String>> compoundParts) {
        Map<String, Supplier<SnowballStemmer>> stemmers = Map.of(
                "da", DanishStemmer::new, "sv", SwedishStemmer::new, "no", NorwegianStemmer::new,
                "fi", FinnishStemmer::new, "en", EnglishStemmer::new, "de", German2Stemmer::new);
        stemmers.forEach((language, stemmer) -> analyzers.put(language,
                analyzer(dictionary(compoundParts.getOrDefault(language, Set.of())), stemmer)));
        analyzers.put(ANY_LANGUAGE, analyzer(null, null));
    }

    Set<String> languages() {
        return analyzers.keySet();
    }

    boolean isStopWord(String language, String word) {
        CharArraySet stop = stopWords.get(language);
        return stop != null && stop.contains(word);
    }

    /**
     * The text's words, split and lower-cased as every language's analysis does it: the languages differ only in what
     * they make of a word, so a text is split once and its words' forms can be remembered.
     */
    List<String> words(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = splitter.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return words;
    }

    /**
     * One word's forms in a language, in the analyser's order: as written, its stem, then the compound parts found in
     * it with their stems, all folded.
     */
    List<String> forms(String language, String word) {
        List<String> forms = new ArrayList<>(4);
        try (TokenStream stream = analyzers.get(language).tokenStream("text", word)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String folded = fold(term.toString());
                if (!forms.contains(folded)) {
                    forms.add(folded);
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing text in memory cannot fail", e);
        }
        return forms;
    }

    /**
     * A phrase's terms, one per word (not its compound parts): the stem, or the word as written when the stemmer
     * cut away much of it.
     */
    List<String> terms(String language, String phrase) {
        List<String> terms = new ArrayList<>();
        for (String word : words(phrase)) {
            List<String> forms = forms(language, word);
            String written = forms.get(0);
            String stem = forms.size() > 1 ? forms.get(1) : written;
            terms.add(stem.length() < written.length() - MAX_STEM_LOSS ? written : stem);
        }
        return terms;
    }

    /** æ/ä/ae, ø/ö/oe, å/aa, ü/ue as one letter each: customers without a Nordic keyboard type the second forms. */
    static String fold(String term) {
        StringBuilder folded = new StringBuilder(term.length());
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            char next = i + 1 < term.length() ? term.charAt(i + 1) : 0;
            switch (c) {
                case 'æ', 'ä', 'á', 'à', 'â' -> folded.append('a');
                case 'ø', 'ö', 'ó', 'ò', 'ô' -> folded.append('o');
                case 'å' -> folded.append('a');
                case 'ü', 'ú', 'ù', 'û' -> folded.append('u');
                case 'é', 'è', 'ê' -> folded.append('e');
                case 'ß' -> folded.append("ss");
                case 'a' -> {
                    folded.append('a');
                    if (next == 'e' || next == 'a') {
                        i++;
                    }
                }
                case 'o', 'u' -> {
                    folded.append(c);
                    if (next == 'e') {
                        i++;
                    }
                }
                default -> folded.append(c);
            }
        }
        return folded.toString();
    }

    private static CharArraySet dictionary(Set<String> words) {
        Set<String> all = new HashSet<>();
        for (String word : words) {
            if (word.length() >= MIN_COMPOUND_PART && word.chars().allMatch(Character::isLetter)) {
                all.add(word);
                // the part as typed without Nordic letters, both ways
                all.add(word.replace("æ", "ae").replace("ø", "oe").replace("å", "aa").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"));
                all.add(word.replace("æ", "a").replace("ø", "o").replace("å", "a").replace("ä", "a").replace("ö", "o").replace("ü", "u"));
            }
        }
        return new CharArraySet(all, true);
    }

    private static Analyzer analyzer(CharArraySet dictionary, Supplier<SnowballStemmer> stemmer) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                // fed one word at a time, as split by the splitter
                Tokenizer source = new KeywordTokenizer();
                TokenStream stream = source;
                if (dictionary != null && !dictionary.isEmpty()) {
                    stream = new CompoundPartFilter(stream, dictionary, MIN_COMPOUND_PART + 2, MIN_COMPOUND_PART, MAX_ENDING);
                }
                if (stemmer != null) {
                    // the word as written stays beside its stem: some stems lose the meaning (maksutapa -> maksu)
                    stream = new SnowballFilter(new KeywordRepeatFilter(stream), stemmer.get());
                }
                return new TokenStreamComponents(source, stream);
            }
        };
    }
}
