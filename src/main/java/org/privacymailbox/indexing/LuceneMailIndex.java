package org.privacymailbox.indexing;

import static org.privacymailbox.indexing.IndexFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;
import org.privacymailbox.storage.Checkpoint;

/**
 * The mail index in embedded Lucene: one {@link IndexWriter} for the whole application, a {@link SearcherManager}
 * for reads. Every {@link #index} is durable before it returns, so that a mail the pipeline has passed on cannot be
 * missing from the index (for a bulk import: durable at its next {@link Checkpoint}): with a translog, the document is
 * appended to it (one fsync) and searchable at once, and
 * Lucene commits (dozens of fsyncs) every five seconds or 5,000 documents; without one, every add is committed. A
 * commit writes out the small segments kept in memory: the less often, the more of them are merged away before they
 * reach the disk, while a crash replays at most those seconds from the translog.
 * A write that fails on the disk (full, read-only, wrong permissions) closes Lucene's
 * writer for good; the next write opens a new one from the last commit, so the index recovers by itself when the
 * disk does. Searching goes on meanwhile with what was committed.
 */
public class LuceneMailIndex implements MailIndex, Closeable {

    private static final int MAX_QUERY_LENGTH = 1000;
    private static final int SNIPPET_LENGTH = 240;
    private static final int MAX_KEYWORD = 8000;
    private static final int MAX_FACET_VALUES = 60;
    /** Matches counted one by one; a search with more has its number and facet counts estimated from a sample. */
    static final int COUNTED_EXACTLY_UP_TO = 10_000;
    /** About how many of the index's documents that sample holds: its cost does not grow with the index. */
    static final int SAMPLED_DOCUMENTS = 32_768;

    private static final int COMMIT_EVERY_DOCUMENTS = 5000;
    private static final long COMMIT_INTERVAL_NANOS = 5_000_000_000L;

    private final Directory directory;
    private final Analyzer analyzer;
    private final IndexTranslog translog;
    private final boolean syncedAtCheckpoint;
    private final ExecutorService searchThreads;
    private volatile Writing writing;
    private boolean closed;
    private int uncommitted;
    private long lastCommit = System.nanoTime();
    private volatile IOException commitFailure;
    private volatile boolean unrefreshed;
    /** An add is committing outside the monitor; guarded by it. */
    private boolean committing;
    /** Held for reading by an add from its update to its translog line, for writing by a commit. */
    private final ReentrantReadWriteLock commitLock = new ReentrantReadWriteLock();

    /** The writer and the searchers that read through it, replaced together when a failed write closed the writer. */
    private record Writing(IndexWriter writer, SearcherManager searchers) {

        static Writing open(Directory directory, Analyzer analyzer, Executor searchThreads) throws IOException {
            // flushed segments stay as their separate files: a search after new mail and each commit flush a small
            // segment, and packing its files into one compound file copied every byte again, a third of the flush
            // (merged segments are still packed while small, by the merge policy)
            IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setUseCompoundFile(false));
            try {
                // a search runs over the index's slices side by side: staff are few, and a query over a million mails
                // should use every core rather than wait for one
                return new Writing(writer, new SearcherManager(writer, new SearcherFactory() {
                    @Override
                    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) {
                        return new IndexSearcher(reader, searchThreads);
                    }
                }));
            } catch (IOException | RuntimeException e) {
                writer.close();
                throw e;
            }
        }
    }

    private interface WriteOperation {
        void apply(IndexWriter writer) throws IOException;
    }

    /** Every add committed before it returns. */
    public LuceneMailIndex(Directory directory, Analyzer analyzer) throws IOException {
        this(directory, analyzer, null);
    }

    /** Adds made durable in {@code translogFile}; what it holds from before a crash is added again now. */
    public LuceneMailIndex(Directory directory, Analyzer analyzer, Path translogFile) throws IOException {
        this(directory, analyzer, translogFile, null);
    }

    /**
     * With a {@code checkpoint}, an add is written to the translog without waiting for the disk, and the translog is
     * synced at the checkpoint: for a bulk import, which records a mail as done only after that.
     */
    public LuceneMailIndex(Directory directory, Analyzer analyzer, Path translogFile, Checkpoint checkpoint) throws IOException {
        if (checkpoint != null && translogFile == null) {
            throw new IllegalArgumentException("adds can wait for a checkpoint only with a translog");
        }
        this.syncedAtCheckpoint = checkpoint != null;
        this.directory = directory;
        this.analyzer = analyzer;
        this.searchThreads = searchThreads();
        this.writing = Writing.open(directory, analyzer, searchThreads);
        this.translog = translogFile == null ? null : new IndexTranslog(translogFile);
        if (translog != null) {
            replayTranslog(writing);
        }
        if (checkpoint != null) {
            checkpoint.register(translog::syncAll);
        }
    }

    /** Adds what the translog holds and commits it, with no add in between, so that both its logs can be emptied. */
    private void replayTranslog(Writing current) throws IOException {
        commitLock.writeLock().lock();
        try {
            List<IndexedMail> pending = translog.pending();
            if (pending.isEmpty()) {
                return;
            }
            for (IndexedMail mail : pending) {
                current.writer().updateDocument(new Term(MAIL_KEY, mail.mailKey()), toDocument(mail));
            }
            current.writer().commit();
            translog.clear();
            commitFailure = null;
        } finally {
            commitLock.writeLock().unlock();
        }
        current.searchers().maybeRefreshBlocking();
    }

    @Override
    public void index(IndexedMail mail) throws IOException {
        indexAll(List.of(mail));
    }

    @Override
    public void indexAll(List<IndexedMail> mails) throws IOException {
        if (translog == null) {
            write(writer -> {
                for (IndexedMail mail : mails) {
                    writer.updateDocument(new Term(MAIL_KEY, mail.mailKey()), toDocument(mail));
                }
            });
            return;
        }
        addLogged(mails);
    }

    /**
     * Adds run side by side (Lucene's writer is made for that), each made durable by a shared sync of the translog.
     * A commit empties the translog, so it waits until no add stands between its update and its translog line.
     */
    private void addLogged(List<IndexedMail> mails) throws IOException {
        Writing current;
        synchronized (this) {
            current = writable();
            if (commitFailure != null) {
                // the disk refused the last commit: nothing more is taken in until a commit succeeds
                try {
                    commit(current);
                } catch (IOException | AlreadyClosedException e) {
                    throw new IOException("index cannot be written: " + describe(e), e);
                }
            }
        }
        acceptsFiles();
        IndexTranslog.Logged logged;
        commitLock.readLock().lock();
        try {
            for (IndexedMail mail : mails) {
                current.writer().updateDocument(new Term(MAIL_KEY, mail.mailKey()), toDocument(mail));
            }
            logged = translog.append(mails);
        } catch (AlreadyClosedException e) {
            throw new IOException("index cannot be written: " + describe(current.writer().getTragicException()), e);
        } finally {
            commitLock.readLock().unlock();
        }
        if (!syncedAtCheckpoint) {
            translog.sync(logged);
        }
        // made searchable by the next read, not here: a refresh writes a segment, and a bulk import reads nothing
        unrefreshed = true;
        boolean commitNow;
        synchronized (this) {
            uncommitted += mails.size();
            commitNow = !committing && (uncommitted >= COMMIT_EVERY_DOCUMENTS || System.nanoTime() - lastCommit >= COMMIT_INTERVAL_NANOS);
            if (commitNow) {
                committing = true;
                uncommitted = 0;
                lastCommit = System.nanoTime();
            }
        }
        if (commitNow) {
            // outside the monitor: adds go on while Lucene writes and syncs the commit's files
            try {
                commit(current);
            } catch (IOException | AlreadyClosedException e) {
                // these documents are safe in the translog; the next add retries the commit first
                commitFailure = e instanceof IOException io ? io : new IOException(e);
            } finally {
                synchronized (this) {
                    committing = false;
                    notifyAll();
                }
            }
        }
    }

    /**
     * Commits what the writer holds. A commit in progress does not stop adds: the translog is set aside first (with
     * no add between its update and its line), and dropped when the commit holding its documents is durable.
     */
    private void commit(Writing current) throws IOException {
        int rolled = 0;
        if (translog != null) {
            commitLock.writeLock().lock();
            try {
                rolled = translog.roll();
            } finally {
                commitLock.writeLock().unlock();
            }
        }
        current.writer().commit();
        if (translog != null) {
            translog.dropRolled(rolled);
        }
        commitFailure = null;
    }

    /**
     * Whether the directory takes a new file now: a write would find out only at the next commit. A directory on disk
     * is asked (read-only, immutable or without permission: refused); creating and deleting a file to find out cost
     * more than the rest of an add.
     */
    private void acceptsFiles() throws IOException {
        if (FilterDirectory.unwrap(directory) instanceof FSDirectory onDisk) {
            if (!Files.isWritable(onDisk.getDirectory())) {
                throw new IOException("index cannot be written: " + onDisk.getDirectory() + " is read-only or not writable");
            }
            return;
        }
        try {
            String probe;
            try (IndexOutput output = directory.createTempOutput("probe", "write", IOContext.DEFAULT)) {
                probe = output.getName();
            }
            directory.deleteFile(probe);
        } catch (IOException e) {
            throw new IOException("index cannot be written: " + describe(e), e);
        }
    }

    /** Applies, commits and makes searchable one change; a disk failure comes back as an IOException. */
    private synchronized void write(WriteOperation operation) throws IOException {
        Writing current = writable();
        try {
            operation.apply(current.writer());
            commit(current);
            current.searchers().maybeRefreshBlocking();
        } catch (AlreadyClosedException e) {
            throw new IOException("index cannot be written: " + describe(current.writer().getTragicException()), e);
        }
    }

    private synchronized Writing writable() throws IOException {
        Writing current = writing;
        if (current.writer().isOpen() || closed) {
            return current;
        }
        Writing reopened = Writing.open(directory, analyzer, searchThreads);
        writing = reopened;
        current.searchers().close();
        if (translog != null) {
            // what the failed writer held uncommitted is in the translog
            replayTranslog(reopened);
        }
        return reopened;
    }

    /** The searchers, refreshed first when documents were added since: every read sees every add before it. */
    private SearcherManager readable() throws IOException {
        SearcherManager searchers = writing.searchers();
        if (unrefreshed) {
            unrefreshed = false;
            try {
                searchers.maybeRefreshBlocking();
            } catch (AlreadyClosedException e) {
                // the writer failed; what was committed can still be read
            }
        }
        return searchers;
    }

    private static ExecutorService searchThreads() {
        AtomicInteger counter = new AtomicInteger();
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), task -> {
            Thread thread = new Thread(task, "index-search-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    private static String describe(Throwable failure) {
        return failure == null ? "the index writer is closed" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    @Override
    public SearchResult search(MailQuery request) throws InvalidQueryException, IOException {
        Query parsed = toQuery(request);
        SearcherManager searchers = readable();
        IndexSearcher searcher = searchers.acquire();
        try {
            // once for every pass below: a prefix query's words are looked up in the index when it is rewritten
            Query query = searcher.rewrite(parsed);
            int wanted = Math.max(1, Math.min(request.offset() + request.limit(), Math.max(1, searcher.getIndexReader().maxDoc())));
            TopDocs top;
            FacetCounter.Facets tally;
            FacetCounter.Facets sampled = sample(searcher, query);
            if (sampled != null && sampled.matches() > COUNTED_EXACTLY_UP_TO) {
                // so many matches that the number and the facets are estimated from the sample; the page still holds
                // the best hits, and Lucene skips what cannot make it (block-max scores, or the date order's index)
                // where scoring every match of a common word took most of the time
                top = searcher.search(query, best(request, wanted, COUNTED_EXACTLY_UP_TO));
                tally = sampled;
            } else {
                // few enough to count one by one: the page, the number and the facets in one pass over the matches
                Object[] collected = searcher.search(query, new MultiCollectorManager(best(request, wanted, Integer.MAX_VALUE),
                        new FacetCounter.Manager(FACETS, STATUS, MAX_FACET_VALUES, 1)));
                top = (TopDocs) collected[0];
                tally = (FacetCounter.Facets) collected[1];
            }
            ScoreDoc[] page = Arrays.copyOfRange(top.scoreDocs, Math.min(request.offset(), top.scoreDocs.length), top.scoreDocs.length);
            List<SearchHit> hits = hits(searcher, request.words().isEmpty() ? null : parsed, page);
            // the page's pass counted at least this many for certain
            long total = Math.max(tally.matches(), top.totalHits.value);
            return new SearchResult(total, hits, tally.counts(), tally.estimated(), tally.estimated());
        } finally {
            searchers.release(searcher);
        }
    }

    private static CollectorManager<?, ? extends TopDocs> best(MailQuery request, int wanted, int countedExactlyUpTo) {
        return request.order() == MailQuery.Order.NEWEST
                ? new TopFieldCollectorManager(new Sort(new SortField(RECEIVED_AT, SortField.Type.LONG, true)), wanted, null, countedExactlyUpTo)
                : new TopScoreDocCollectorManager(wanted, null, countedExactlyUpTo);
    }

    /**
     * Whether the query cannot match more than {@code limit} documents, by Lucene's upper bound (a word's document
     * frequency; the least of a conjunction's): a person, a rare word, a case are counted in full without a sample.
     */
    private static boolean atMost(IndexSearcher searcher, Query query, long limit) throws IOException {
        Weight weight = searcher.createWeight(query, ScoreMode.COMPLETE_NO_SCORES, 1);
        long bound = 0;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            bound += supplier == null ? 0 : supplier.cost();
            if (bound > limit) {
                return false;
            }
        }
        return true;
    }

    /**
     * The number of matches and the facet counts in an even sample of about {@link #SAMPLED_DOCUMENTS} of the index's
     * documents, scaled up; null for an index small enough to count in full, or a query that matches few. Counting
     * every match of a phrase of two common words in a million mails checks the positions of half of them; the sample,
     * a sixteenth.
     */
    private static FacetCounter.Facets sample(IndexSearcher searcher, Query query) throws IOException {
        int stride = Integer.highestOneBit(Math.max(1, searcher.getIndexReader().maxDoc() / SAMPLED_DOCUMENTS));
        if (stride == 1 || atMost(searcher, query, COUNTED_EXACTLY_UP_TO)) {
            return null;
        }
        Query sampled = new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(new EvenSample(stride), BooleanClause.Occur.FILTER)
                .build();
        return searcher.search(sampled, new FacetCounter.Manager(FACETS, STATUS, MAX_FACET_VALUES, stride));
    }

    @Override
    public long count(MailQuery request) throws InvalidQueryException, IOException {
        Query query = toQuery(request);
        SearcherManager searchers = readable();
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.count(query);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public void deleteAll() throws IOException {
        write(IndexWriter::deleteAll);
    }

    @Override
    public void setCaseStatus(String caseReference, boolean answered) throws IOException {
        write(writer -> writer.updateNumericDocValue(new Term(CASE_REFERENCE, caseReference), STATUS, answered ? 1 : 0));
    }

    @Override
    public long deleteArchived(String sha256) throws IOException {
        SearcherManager searchers = readable();
        IndexSearcher searcher = searchers.acquire();
        long count;
        try {
            count = searcher.count(new TermQuery(new Term(SHA256, sha256)));
        } finally {
            searchers.release(searcher);
        }
        write(writer -> writer.deleteDocuments(new Term(SHA256, sha256)));
        return count;
    }

    @Override
    public Optional<IndexedMail> findByMailKey(String mailKey) throws IOException {
        SearcherManager searchers = readable();
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(new Term(MAIL_KEY, mailKey)), 1);
            if (top.scoreDocs.length == 0) {
                return Optional.empty();
            }
            return Optional.of(fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public long count() throws IOException {
        SearcherManager searchers = readable();
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Optional<String> problem() {
        IndexWriter writer = writing.writer();
        if (writer.getTragicException() != null) {
            return Optional.of("index cannot be written: " + describe(writer.getTragicException()));
        }
        IOException failedCommit = commitFailure;
        if (failedCommit != null) {
            return Optional.of("index cannot be written: " + describe(failedCommit));
        }
        try {
            acceptsFiles();
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() throws IOException {
        closed = true;
        while (committing) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Writing current = writing;
        try {
            current.searchers().close();
            if ((uncommitted > 0 || commitFailure != null) && current.writer().isOpen()) {
                commit(current);
            }
        } finally {
            try {
                current.writer().close();
            } finally {
                searchThreads.shutdown();
                if (translog != null) {
                    translog.close();
                }
            }
        }
    }

    private Query toQuery(MailQuery request) throws InvalidQueryException {
        if (request.isEmpty()) {
            throw new InvalidQueryException("The query is empty: type one or more words to search for.", null);
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        if (!request.words().isEmpty()) {
            query.add(parse(request.words()), BooleanClause.Occur.MUST);
        } else {
            query.add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST);
        }
        for (Map.Entry<String, String> filter : request.filters().entrySet()) {
            if (filter.getKey().equals(STATUS)) {
                if (!filter.getValue().equals("open") && !filter.getValue().equals("answered")) {
                    throw new InvalidQueryException("status: is open or answered.", null);
                }
                query.add(NumericDocValuesField.newSlowExactQuery(STATUS, filter.getValue().equals("answered") ? 1 : 0),
                        BooleanClause.Occur.FILTER);
                continue;
            }
            String field = FILTERS.get(filter.getKey());
            if (field == null) {
                throw new InvalidQueryException("Unknown filter " + filter.getKey() + ": use one of " + FILTERS.keySet() + ".", null);
            }
            query.add(new TermQuery(new Term(field, filter.getValue())), BooleanClause.Occur.FILTER);
        }
        if (!request.identityHashes().isEmpty()) {
            BooleanQuery.Builder anyPerson = new BooleanQuery.Builder();
            request.identityHashes().forEach(hash -> anyPerson.add(new TermQuery(new Term(IDENTITY_HASH, hash)), BooleanClause.Occur.SHOULD));
            query.add(anyPerson.build(), BooleanClause.Occur.FILTER);
        }
        if (request.hasAttachment()) {
            query.add(new TermQuery(new Term(HAS, "attachment")), BooleanClause.Occur.FILTER);
        }
        if (request.after() != null || request.before() != null) {
            long from = request.after() == null ? Long.MIN_VALUE : request.after().toEpochMilli();
            long to = request.before() == null ? Long.MAX_VALUE : request.before().toEpochMilli() - 1;
            query.add(LongPoint.newRangeQuery(RECEIVED_AT, from, to), BooleanClause.Occur.FILTER);
        }
        return query.build();
    }

    private Query parse(String queryText) throws InvalidQueryException {
        String text = queryText == null ? "" : queryText.strip();
        if (text.isEmpty()) {
            throw new InvalidQueryException("The query is empty: type one or more words to search for.", null);
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidQueryException("The query is longer than " + MAX_QUERY_LENGTH + " characters.", null);
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(TEXT_FIELDS, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setAllowLeadingWildcard(false);
        try {
            return parser.parse(text);
        } catch (ParseException | IllegalArgumentException e) {
            throw new InvalidQueryException("The query could not be understood; check quotes, brackets and "
                    + "operators (AND, OR, NOT), or put special characters in quotes.", e);
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("The query expands to too many words; make it more specific.", e);
        }
    }

    /**
     * The page's hits, each with the passage where {@code query} matched (none without one). Showing a hit costs more
     * than finding it (its stored text is decompressed and analysed again), so the page is split between this thread
     * and a search thread.
     */
    private List<SearchHit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        SearchHit[] hits = new SearchHit[page.length];
        int half = (page.length + 1) / 2;
        Future<?> second = null;
        if (page.length > 1) {
            second = searchThreads.submit(() -> {
                showHits(searcher, query, page, half, page.length, hits);
                return null;
            });
        }
        showHits(searcher, query, page, 0, Math.min(half, page.length), hits);
        if (second != null) {
            try {
                second.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while showing the hits");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return List.of(hits);
    }

    private void showHits(IndexSearcher searcher, Query query, ScoreDoc[] page, int from, int to, SearchHit[] hits) throws IOException {
        StoredFields stored = searcher.storedFields();
        UnifiedHighlighter highlighter = query == null ? null : UnifiedHighlighter.builderWithoutSearcher(analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(1_000_000)
                // a field without a match gives no passage, rather than its first sentence
                .withMaxNoHighlightPassages(0)
                .build();
        for (int i = from; i < to; i++) {
            Document document = stored.document(page[i].doc);
            hits[i] = toHit(document, highlighter == null ? null : snippet(highlighter, query, document));
        }
    }

    /** The passage where the query matched, from the first of {@link IndexFields#SNIPPET_FIELDS} that has one; or null. */
    private static String snippet(UnifiedHighlighter highlighter, Query query, Document document) throws IOException {
        for (String field : SNIPPET_FIELDS) {
            String text = document.get(field);
            if (text == null || text.isEmpty()) {
                continue;
            }
            Object passage = highlighter.highlightWithoutSearcher(field, query, text, 1);
            if (passage != null && !passage.toString().isBlank()) {
                String snippet = passage.toString().strip();
                return snippet.length() > SNIPPET_LENGTH * 2 ? snippet.substring(0, SNIPPET_LENGTH * 2) + " …" : snippet;
            }
        }
        return null;
    }

    private static SearchHit toHit(Document document, String snippet) {
        if (snippet == null) {
            String body = document.get(BODY);
            snippet = body == null ? "" : escape(body.length() > SNIPPET_LENGTH ? body.substring(0, SNIPPET_LENGTH) + " …" : body);
        }
        String from = document.get(FROM_ADDRESS);
        return new SearchHit(document.get(MAIL_KEY), document.get(SHA256), document.get(CASE_REFERENCE), document.get(MESSAGE_ID),
                document.get(SUBJECT), from,
                receivedAt(document), document.get(TOPIC), document.get(SUBTOPIC), document.get(LANGUAGE), snippet,
                document.get(FORWARDED_IN) != null,
                List.of(document.getValues(NOTE)));
    }

    private static Instant receivedAt(Document document) {
        var field = document.getField(RECEIVED_AT);
        return field == null ? null : Instant.ofEpochMilli(field.numericValue().longValue());
    }

    private static Document toDocument(IndexedMail mail) {
        Document document = new Document();
        document.add(new StringField(MAIL_KEY, mail.mailKey(), Field.Store.YES));
        document.add(new StringField(CASE_REFERENCE, mail.caseReference(), Field.Store.YES));
        document.add(new StringField(SHA256, mail.sha256(), Field.Store.YES));
        addKeyword(document, MESSAGE_ID, mail.messageId());
        // tokenised, so that plain words and from: queries find a sender by any part of the address
        addText(document, FROM_ADDRESS, mail.fromAddress() == null ? null : mail.fromAddress().toLowerCase(Locale.ROOT));
        addText(document, FROM_NAME, mail.fromName());
        addText(document, SUBJECT, mail.subject());
        long received = mail.receivedAt().toEpochMilli();
        String month = mail.receivedAt().atZone(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7);
        document.add(new StringField(MONTH, month, Field.Store.NO));
        document.add(new SortedDocValuesField(MONTH, new BytesRef(month)));
        if (!mail.attachmentNames().isEmpty()) {
            document.add(new StringField(HAS, "attachment", Field.Store.NO));
        }
        document.add(new LongPoint(RECEIVED_AT, received));
        document.add(new StoredField(RECEIVED_AT, received));
        document.add(new NumericDocValuesField(RECEIVED_AT, received));
        document.add(new NumericDocValuesField(STATUS, 0));
        addFacet(document, TOPIC, mail.topic());
        addFacet(document, SUBTOPIC, mail.subtopic());
        addFacet(document, LANGUAGE, mail.language());
        addKeyword(document, AUTOMATED_REASON, mail.automatedReason());
        for (String name : mail.attachmentNames()) {
            addText(document, ATTACHMENT_NAME, name);
        }
        if (mail.attachmentNames().isEmpty()) {
            addText(document, ATTACHMENT_NAME, null);
        }
        addText(document, BODY, mail.body());
        addText(document, ATTACHMENT_TEXT, mail.attachmentText());
        for (String hash : mail.identityHashes()) {
            document.add(new StringField(IDENTITY_HASH, hash, Field.Store.NO));
        }
        addKeyword(document, FORWARDED_IN, mail.forwardedIn());
        for (String note : mail.notes()) {
            document.add(new StoredField(NOTE, note));
        }
        return document;
    }

    private static IndexedMail fromDocument(Document document) {
        List<String> names = List.of(document.getValues(ATTACHMENT_NAME));
        return new IndexedMail(document.get(MAIL_KEY), document.get(CASE_REFERENCE), document.get(MESSAGE_ID),
                document.get(SHA256), document.get(FROM_ADDRESS), document.get(FROM_NAME), document.get(SUBJECT),
                receivedAt(document), document.get(TOPIC), document.get(SUBTOPIC), document.get(LANGUAGE), document.get(AUTOMATED_REASON), names,
                document.get(BODY), document.get(ATTACHMENT_TEXT), List.of(), document.get(FORWARDED_IN),
                List.of(document.getValues(NOTE)));
    }

    /** A keyword that is also counted as a facet (doc values: FacetCounter reads them). */
    private static void addFacet(Document document, String field, String value) {
        addKeyword(document, field, value);
        if (value != null && !value.isEmpty() && value.length() <= MAX_KEYWORD) {
            document.add(new SortedDocValuesField(field, new BytesRef(value)));
        }
    }

    private static void addKeyword(Document document, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        // a term must stay under Lucene's 32 KB limit; a header that long is hostile and only stored, not searchable
        document.add(value.length() > MAX_KEYWORD ? new StoredField(field, value) : new StringField(field, value, Field.Store.YES));
    }

    /**
     * A text field with no text is still added, empty and not stored, so that every document has a length (norm) in
     * every text field. Lucene keeps the norms of a field that some documents lack as a sparse list, and writing a
     * segment's postings looks each document up in that list afresh for every term: flushing and merging grew with
     * the square of a segment's size, and were a third of flushing and half of merging at 18,000 mails. An empty
     * field has no terms, so it matches nothing and leaves scores as they were.
     */
    private static void addText(Document document, String field, String value) {
        boolean hasText = value != null && !value.isEmpty();
        document.add(new TextField(field, hasText ? value : "", hasText ? Field.Store.YES : Field.Store.NO));
    }

    private static String escape(String text) {
        Map<Character, String> entities = new HashMap<>(Map.of('<', "&lt;", '>', "&gt;", '&', "&amp;", '"', "&quot;", '\'', "&#39;"));
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            escaped.append(entities.getOrDefault(c, String.valueOf(c)));
        }
        return escaped.toString();
    }
}
