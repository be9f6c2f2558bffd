package org.privacymailbox.classification;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A text's words as the vocabulary sees them, in every language at once: by position, only the forms (as written,
 * stem, compound parts) that some entry looks for. A text is split once for all languages, and what a word is in each
 * language is remembered, since mail repeats its words: running six analysers over every text cost more than all else
 * done to a mail. Forms no entry looks for are left out; the positions stay, so phrase distances are unchanged.
 */
final class VocabularyForms {

    /** Enough for the words of a mailbox's usual language; rarer words are analysed each time they come. */
    static final int MAX_REMEMBERED_WORDS = 200_000;

    private final TopicTerms terms;
    private final List<String> languages;
    private final List<Set<String>> wantedTerms = new ArrayList<>();
    private final List<List<String>> wantedPrefixes = new ArrayList<>();
    /** A word's wanted forms per language, in the order of {@link #languages}. */
    private final Map<String, List<Set<String>>> remembered = new ConcurrentHashMap<>();
    /** Most words: no entry looks for any of their forms, in any language. */
    private final List<Set<String>> nowhere;

    /**
     * {@code wantedTerms}: per language, the terms entries match exactly; {@code wantedPrefixes}: the beginnings that
     * entries match on any word starting with them.
     */
    VocabularyForms(TopicTerms terms, Map<String, Set<String>> wantedTerms, Map<String, Set<String>> wantedPrefixes) {
        this.terms = terms;
        this.languages = List.copyOf(terms.languages());
        for (String language : languages) {
            this.wantedTerms.add(Set.copyOf(wantedTerms.getOrDefault(language, Set.of())));
            this.wantedPrefixes.add(List.copyOf(wantedPrefixes.getOrDefault(language, Set.of())));
        }
        this.nowhere = Collections.nCopies(languages.size(), Set.of());
    }

    /** Per language, the text's wanted forms by position. */
    Map<String, List<Set<String>>> positions(String text) {
        List<String> words = terms.words(text);
        List<List<Set<String>>> byLanguage = new ArrayList<>(languages.size());
        for (int i = 0; i < languages.size(); i++) {
            byLanguage.add(new ArrayList<>(words.size()));
        }
        for (String word : words) {
            List<Set<String>> forms = formsOf(word);
            for (int i = 0; i < languages.size(); i++) {
                byLanguage.get(i).add(forms.get(i));
            }
        }
        Map<String, List<Set<String>>> positions = new HashMap<>();
        for (int i = 0; i < languages.size(); i++) {
            positions.put(languages.get(i), byLanguage.get(i));
        }
        return positions;
    }

    int rememberedWords() {
        return remembered.size();
    }

    private List<Set<String>> formsOf(String word) {
        List<Set<String>> forms = remembered.get(word);
        if (forms != null) {
            return forms;
        }
        List<Set<String>> wanted = new ArrayList<>(languages.size());
        for (int i = 0; i < languages.size(); i++) {
            List<String> kept = new ArrayList<>(2);
            for (String form : terms.forms(languages.get(i), word)) {
                if (isWanted(i, form)) {
                    kept.add(form);
                }
            }
            wanted.add(kept.isEmpty() ? Set.of() : Set.copyOf(kept));
        }
        forms = wanted.stream().allMatch(Set::isEmpty) ? nowhere : List.copyOf(wanted);
        if (remembered.size() < MAX_REMEMBERED_WORDS) {
            remembered.put(word, forms);
        }
        return forms;
    }

    private boolean isWanted(int language, String form) {
        if (wantedTerms.get(language).contains(form)) {
            return true;
        }
        for (String prefix : wantedPrefixes.get(language)) {
            if (form.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
