package org.privacymailbox.indexing;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/**
 * Counts the values of the facet fields among the documents a query matches, in one pass over the matches and
 * their doc values (a count query per value would read the postings once per value). The first
 * {@link #EXACT_UP_TO} matches are counted one by one; beyond them about every second match (picked by a hash of
 * its document number, so that no pattern in the order mails were added is followed) counts twice, beyond twice as
 * many about every fourth four times, and so on: a query matching half of a million mails reads the doc values of
 * a fraction of them, spread over the whole index.
 */
final class FacetCounter extends SimpleCollector {

    static final int EXACT_UP_TO = 10_000;

    private final String[] fields;
    private final String statusField;
    private long seen;
    private long stride = 1;
    private int docBase;
    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final long[] statuses = new long[2];
    private SortedDocValues[] values;
    private long[][] leafCounts;
    private NumericDocValues status;

    FacetCounter(String[] fields, String statusField) {
        this.fields = fields;
        this.statusField = statusField;
        for (String field : fields) {
            counts.put(field, new HashMap<>());
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        finishLeaf();
        docBase = context.docBase;
        values = new SortedDocValues[fields.length];
        leafCounts = new long[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            values[i] = DocValues.getSorted(context.reader(), fields[i]);
            leafCounts[i] = new long[values[i].getValueCount()];
        }
        status = DocValues.getNumeric(context.reader(), statusField);
    }

    @Override
    public void collect(int doc) throws IOException {
        long position = seen++;
        if (position >= EXACT_UP_TO * stride) {
            stride *= 2;
        }
        if ((scramble(docBase + doc) & (stride - 1)) != 0) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
                leafCounts[i][values[i].ordValue()] += stride;
            }
        }
        if (status.advanceExact(doc)) {
            statuses[status.longValue() == 1 ? 1 : 0] += stride;
        }
    }

    /** Picks about one in {@code stride} matches, without following any period in the order mails were added. */
    private static long scramble(long value) {
        long mixed = value * 0x9E3779B97F4A7C15L;
        mixed ^= mixed >>> 29;
        mixed *= 0xBF58476D1CE4E5B9L;
        return mixed ^ (mixed >>> 32);
    }

    boolean estimated() {
        return stride > 1;
    }

    private void finishLeaf() throws IOException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            for (int ord = 0; ord < leafCounts[i].length; ord++) {
                if (leafCounts[i][ord] > 0) {
                    counts.get(fields[i]).merge(values[i].lookupOrd(ord).utf8ToString(), leafCounts[i][ord], Long::sum);
                }
            }
        }
        values = null;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Per facet field its values in order with their counts (at most {@code maxValues}), then the case status. */
    Map<String, Map<String, Long>> result(int maxValues, String openName, String answeredName) throws IOException {
        finishLeaf();
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (String field : fields) {
            Map<String, Long> ordered = new LinkedHashMap<>();
            new TreeMap<>(counts.get(field)).entrySet().stream().limit(maxValues).forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
            result.put(field, ordered);
        }
        Map<String, Long> status = new LinkedHashMap<>();
        if (statuses[0] > 0) {
            status.put(openName, statuses[0]);
        }
        if (statuses[1] > 0) {
            status.put(answeredName, statuses[1]);
        }
        result.put(statusField, status);
        return result;
    }

    /** The counts, and whether they were estimated from a sample of the matches. */
    record Facets(Map<String, Map<String, Long>> counts, boolean estimated) {
    }

    /** One counter per slice of the index searched side by side, added up at the end. */
    static final class Manager implements CollectorManager<FacetCounter, Facets> {

        private final String[] fields;
        private final String statusField;
        private final int maxValues;

        Manager(String[] fields, String statusField, int maxValues) {
            this.fields = fields;
            this.statusField = statusField;
            this.maxValues = maxValues;
        }

        @Override
        public FacetCounter newCollector() {
            return new FacetCounter(fields, statusField);
        }

        @Override
        public Facets reduce(Collection<FacetCounter> counters) throws IOException {
            FacetCounter total = newCollector();
            boolean estimated = false;
            for (FacetCounter counter : counters) {
                counter.finishLeaf();
                counter.counts.forEach((field, values) -> values.forEach((value, count) -> total.counts.get(field).merge(value, count, Long::sum)));
                total.statuses[0] += counter.statuses[0];
                total.statuses[1] += counter.statuses[1];
                estimated |= counter.estimated();
            }
            return new Facets(total.result(maxValues, "open", "answered"), estimated);
        }
    }
}
