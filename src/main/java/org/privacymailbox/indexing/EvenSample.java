package org.privacymailbox.indexing;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;

/**
 * Matches about one document in {@code stride}: the index is cut into blocks of 64 documents, and a block is in the
 * sample when a hash of its number says so, so the sample is spread evenly over the whole index (mails are added in
 * the order they arrive, so a block is 64 mails that came together) without following any period in it. As a filter
 * beside an expensive query (a phrase over a million mails) it makes Lucene look only at the sampled documents: its
 * iterator is the cheapest of the conjunction, so it leads, and the phrase is checked only where it stops.
 */
final class EvenSample extends Query {

    private static final int BLOCK_BITS = 6;

    private final int stride;

    /** {@code stride} is a power of two; 1 samples everything. */
    EvenSample(int stride) {
        if (stride < 1 || Integer.bitCount(stride) != 1) {
            throw new IllegalArgumentException("stride must be a power of two: " + stride);
        }
        this.stride = stride;
    }

    /** How many of the leaf's documents the sample holds, so that counts in it can be scaled to the whole leaf. */
    static long sampledDocuments(LeafReaderContext leaf, int stride) {
        int maxDoc = leaf.reader().maxDoc();
        long sampled = 0;
        for (int doc = 0; doc < maxDoc; ) {
            long block = (leaf.docBase + (long) doc) >>> BLOCK_BITS;
            int blockEnd = (int) Math.min(maxDoc, ((block + 1) << BLOCK_BITS) - leaf.docBase);
            if (inSample(block, stride)) {
                sampled += blockEnd - doc;
            }
            doc = blockEnd;
        }
        return sampled;
    }

    private static boolean inSample(long block, int stride) {
        long mixed = block * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        mixed ^= mixed >>> 32;
        return (mixed & (stride - 1)) == 0;
    }

    @Override
    public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
        return new ConstantScoreWeight(this, boost) {
            @Override
            public Scorer scorer(LeafReaderContext context) {
                return new ConstantScoreScorer(this, score(), scoreMode, new Blocks(context.docBase, context.reader().maxDoc(), stride));
            }

            @Override
            public boolean isCacheable(LeafReaderContext context) {
                // cheaper to compute than to cache, and a cached copy would take memory from real filters
                return false;
            }
        };
    }

    /** The sampled documents of one leaf, in order. */
    private static final class Blocks extends DocIdSetIterator {

        private final int docBase;
        private final int maxDoc;
        private final int stride;
        private int doc = -1;

        Blocks(int docBase, int maxDoc, int stride) {
            this.docBase = docBase;
            this.maxDoc = maxDoc;
            this.stride = stride;
        }

        @Override
        public int docID() {
            return doc;
        }

        @Override
        public int nextDoc() {
            return advance(doc + 1);
        }

        @Override
        public int advance(int target) {
            int candidate = target;
            while (candidate < maxDoc) {
                long block = (docBase + (long) candidate) >>> BLOCK_BITS;
                if (inSample(block, stride)) {
                    return doc = candidate;
                }
                candidate = (int) (((block + 1) << BLOCK_BITS) - docBase);
            }
            return doc = NO_MORE_DOCS;
        }

        @Override
        public long cost() {
            return Math.max(1, maxDoc / stride);
        }
    }

    @Override
    public void visit(QueryVisitor visitor) {
        visitor.visitLeaf(this);
    }

    @Override
    public String toString(String field) {
        return "EvenSample(1/" + stride + ")";
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && stride == ((EvenSample) other).stride;
    }

    @Override
    public int hashCode() {
        return classHash() * 31 + stride;
    }
}
