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
 * Counts the documents a query matches and the values of the facet fields among them, in one pass over the matches
 * and their doc values (a count query per value would read the postings once per value). Run over an {@link EvenSample}
 * of the index ({@code stride} above 1), each leaf's counts are scaled by how many of its documents the sample held:
 * an estimate of the whole from an even part of it.
 */
final class FacetCounter extends SimpleCollector {

    private final String[] fields;
    private final String statusField;
    private final int stride;
    private final Map<String, Map<String, Double>> counts = new HashMap<>();
    private final double[] statuses = new double[2];
    private double matches;
    private double weight = 1;
    private SortedDocValues[] values;
    private long[][] leafCounts;
    private long[] leafStatuses;
    private long leafMatches;
    private NumericDocValues status;

    FacetCounter(String[] fields, String statusField, int stride) {
        this.fields = fields;
        this.statusField = statusField;
        this.stride = stride;
        for (String field : fields) {
            counts.put(field, new HashMap<>());
        }
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
        finishLeaf();
        long sampled = stride == 1 ? context.reader().maxDoc() : EvenSample.sampledDocuments(context, stride);
        weight = sampled == 0 ? 0 : (double) context.reader().maxDoc() / sampled;
        values = new SortedDocValues[fields.length];
        leafCounts = new long[fields.length][];
        for (int i = 0; i < fields.length; i++) {
            values[i] = DocValues.getSorted(context.reader(), fields[i]);
            leafCounts[i] = new long[values[i].getValueCount()];
        }
        leafStatuses = new long[2];
        leafMatches = 0;
        status = DocValues.getNumeric(context.reader(), statusField);
    }

    @Override
    public void collect(int doc) throws IOException {
        leafMatches++;
        for (int i = 0; i < values.length; i++) {
            if (values[i].advanceExact(doc)) {
                leafCounts[i][values[i].ordValue()]++;
            }
        }
        if (status.advanceExact(doc)) {
            leafStatuses[status.longValue() == 1 ? 1 : 0]++;
        }
    }

    private void finishLeaf() throws IOException {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.length; i++) {
            for (int ord = 0; ord < leafCounts[i].length; ord++) {
                if (leafCounts[i][ord] > 0) {
                    counts.get(fields[i]).merge(values[i].lookupOrd(ord).utf8ToString(), leafCounts[i][ord] * weight, Double::sum);
                }
            }
        }
        statuses[0] += leafStatuses[0] * weight;
        statuses[1] += leafStatuses[1] * weight;
        matches += leafMatches * weight;
        values = null;
    }

    @Override
    public ScoreMode scoreMode() {
        return ScoreMode.COMPLETE_NO_SCORES;
    }

    /** Per facet field its values in order with their counts (at most {@code maxValues}), then the case status. */
    private Map<String, Map<String, Long>> result(int maxValues, String openName, String answeredName) {
        Map<String, Map<String, Long>> result = new LinkedHashMap<>();
        for (String field : fields) {
            Map<String, Long> ordered = new LinkedHashMap<>();
            new TreeMap<>(counts.get(field)).entrySet().stream().filter(entry -> Math.round(entry.getValue()) > 0).limit(maxValues)
                    .forEach(entry -> ordered.put(entry.getKey(), Math.round(entry.getValue())));
            result.put(field, ordered);
        }
        Map<String, Long> status = new LinkedHashMap<>();
        if (Math.round(statuses[0]) > 0) {
            status.put(openName, Math.round(statuses[0]));
        }
        if (Math.round(statuses[1]) > 0) {
            status.put(answeredName, Math.round(statuses[1]));
        }
        result.put(statusField, status);
        return result;
    }

    /** How many documents match, the counts per facet value, and whether both were estimated from a sample. */
    record Facets(long matches, Map<String, Map<String, Long>> counts, boolean estimated) {
    }

    /** One counter per slice of the index searched side by side, added up at the end. */
    static final class Manager implements CollectorManager<FacetCounter, Facets> {

        private final String[] fields;
        private final String statusField;
        private final int maxValues;
        private final int stride;

        Manager(String[] fields, String statusField, int maxValues, int stride) {
            this.fields = fields;
            this.statusField = statusField;
            this.maxValues = maxValues;
            this.stride = stride;
        }

        @Override
        public FacetCounter newCollector() {
            return new FacetCounter(fields, statusField, stride);
        }

        @Override
        public Facets reduce(Collection<FacetCounter> counters) throws IOException {
            FacetCounter total = newCollector();
            for (FacetCounter counter : counters) {
                counter.finishLeaf();
                counter.counts.forEach((field, values) -> values.forEach((value, count) -> total.counts.get(field).merge(value, count, Double::sum)));
                total.statuses[0] += counter.statuses[0];
                total.statuses[1] += counter.statuses[1];
                total.matches += counter.matches;
            }
            return new Facets(Math.round(total.matches), total.result(maxValues, "open", "answered"), stride > 1);
        }
    }
}
