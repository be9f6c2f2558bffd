package org.privacymailbox.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;

class CompoundPartFilterTest {

    private static final CharArraySet DICTIONARY = new CharArraySet(Set.of("person", "oplysning", "ratta", "faktura"), true);

    @Test
    void aWordComesFirstThenItsPartsAtTheStartAndAtTheEnd() throws IOException {
        assertThat(tokens("personoplysning")).containsExactly("personoplysning", "person", "oplysning");
    }

    @Test
    void aPartAtTheEndMayBeFollowedByAShortInflectionOnly() throws IOException {
        assertThat(tokens("personoplysninger")).containsExactly("personoplysninger", "person", "oplysning");
        assertThat(tokens("kundeoplysninger")).containsExactly("kundeoplysninger", "oplysning");
        assertThat(tokens("kundeoplysningerne")).containsExactly("kundeoplysningerne");
    }

    @Test
    void aPartInTheMiddleOfAWordIsChanceNotACompound() throws IOException {
        assertThat(tokens("vuokrattavana")).containsExactly("vuokrattavana");
    }

    @Test
    void aLongTokenIsSearchedAtItsEdgesOnly() throws IOException {
        String encoded = "x".repeat(500);
        assertThat(tokens("faktura" + encoded + "oplysning")).containsExactly("faktura" + encoded + "oplysning", "faktura", "oplysning");
    }

    @Test
    void aShortWordIsNotSplit() throws IOException {
        assertThat(tokens("ratta")).containsExactly("ratta");
    }

    private static List<String> tokens(String word) throws IOException {
        KeywordTokenizer source = new KeywordTokenizer();
        source.setReader(new StringReader(word));
        List<String> tokens = new ArrayList<>();
        try (CompoundPartFilter filter = new CompoundPartFilter(source, DICTIONARY, 6, 4, 3)) {
            CharTermAttribute term = filter.addAttribute(CharTermAttribute.class);
            filter.reset();
            while (filter.incrementToken()) {
                tokens.add(term.toString());
            }
            filter.end();
        }
        return tokens;
    }
}
