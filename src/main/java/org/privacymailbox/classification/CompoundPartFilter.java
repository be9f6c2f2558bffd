package org.privacymailbox.classification;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.compound.CompoundWordTokenFilterBase;

/**
 * Adds the dictionary's words found at the start of a word, or at its end before an inflection of at most
 * {@code maxEnding} letters ("kundeoplysning-er"), as parts after the word itself. A part inside a longer word is
 * more often chance ("ratta" in "vuokrattavana") than a compound, so the middle is not searched: Lucene's
 * {@code DictionaryCompoundWordTokenFilter} looks up every piece of every word, which for long tokens (addresses,
 * encoded strings) cost more than stemming all six languages.
 */
final class CompoundPartFilter extends CompoundWordTokenFilterBase {

    private final int maxEnding;

    /** {@code dictionary}: not empty; the longest piece looked up is its longest word. */
    CompoundPartFilter(TokenStream input, CharArraySet dictionary, int minWordSize, int minPartSize, int maxEnding) {
        super(input, dictionary, minWordSize, minPartSize, longestWord(dictionary), false);
        this.maxEnding = maxEnding;
    }

    @Override
    protected void decompose() {
        int length = termAtt.length();
        char[] word = termAtt.buffer();
        int lastEndingStart = Math.max(1, length - maxEnding - maxSubwordSize);
        for (int start = 0; start <= length - minSubwordSize; start = start == 0 ? lastEndingStart : start + 1) {
            for (int partLength = minSubwordSize; partLength <= maxSubwordSize && start + partLength <= length; partLength++) {
                boolean atEdge = start == 0 || length - (start + partLength) <= maxEnding;
                if (atEdge && dictionary.contains(word, start, partLength)) {
                    tokens.add(new CompoundToken(start, partLength));
                }
            }
        }
    }

    private static int longestWord(CharArraySet dictionary) {
        int longest = 0;
        for (Object word : dictionary) {
            longest = Math.max(longest, ((char[]) word).length);
        }
        return longest;
    }
}
