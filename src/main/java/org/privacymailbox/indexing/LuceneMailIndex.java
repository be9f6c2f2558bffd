package org.privacymailbox.indexing;

import static org.privacymailbox.indexing.IndexFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;

/**
 * The mail index in embedded Lucene: one {@link IndexWriter} for the whole application, a {@link SearcherManager}
 * for reads. Every {@link #index} is committed before it returns, so that a mail the pipeline has passed on is
 * also durable in the index.
 */
public class LuceneMailIndex implements MailIndex, Closeable {

    private static final int MAX_QUERY_LENGTH = 1000;
    private static final int SNIPPET_LENGTH = 240;
    private static final int MAX_KEYWORD = 8000;

    private final Analyzer analyzer;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    public LuceneMailIndex(Directory directory, Analyzer analyzer) throws IOException {
        this.analyzer = analyzer;
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.searchers = new SearcherManager(writer, null);
    }

    @Override
    public void index(IndexedMail mail) throws IOException {
        writer.updateDocument(new Term(MAIL_KEY, mail.mailKey()), toDocument(mail));
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    @Override
    public SearchResult search(String queryText, int limit) throws InvalidQueryException, IOException {
        Query query = parse(queryText);
        IndexSearcher searcher = searchers.acquire();
        try {
            TopDocs top = searcher.search(query, Math.max(1, limit));
            Map<String, String[]> snippets = top.scoreDocs.length == 0 ? Map.of() : highlighter(searcher)
                    .highlightFields(SNIPPET_FIELDS, query, top, new int[] {1, 1, 1});
            List<SearchHit> hits = new ArrayList<>();
            for (int i = 0; i < top.scoreDocs.length; i++) {
                hits.add(toHit(searcher.storedFields().document(top.scoreDocs[i].doc), snippetAt(snippets, i)));
            }
            return new SearchResult(top.totalHits.value, hits);
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Optional<IndexedMail> findByMailKey(String mailKey) throws IOException {
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
        IndexSearcher searcher = searchers.acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public Optional<String> problem() {
        if (writer.getTragicException() != null) {
            return Optional.of("index writer failed: " + writer.getTragicException().getClass().getSimpleName());
        }
        if (!writer.isOpen()) {
            return Optional.of("index writer is closed");
        }
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
        } finally {
            writer.close();
        }
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
        }
    }

    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        return UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(1_000_000)
                .build();
    }

    private static String snippetAt(Map<String, String[]> snippets, int index) {
        for (String field : SNIPPET_FIELDS) {
            String[] values = snippets.get(field);
            if (values != null && values[index] != null && !values[index].isBlank()) {
                String snippet = values[index].strip();
                return snippet.length() > SNIPPET_LENGTH * 2 ? snippet.substring(0, SNIPPET_LENGTH * 2) + " …" : snippet;
            }
        }
        return "";
    }

    private static SearchHit toHit(Document document, String snippet) {
        if (snippet.isEmpty()) {
            String body = document.get(BODY);
            snippet = body == null ? "" : escape(body.length() > SNIPPET_LENGTH ? body.substring(0, SNIPPET_LENGTH) + " …" : body);
        }
        String from = document.get(FROM_ADDRESS);
        return new SearchHit(document.get(CASE_REFERENCE), document.get(MESSAGE_ID), document.get(SUBJECT), from,
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
        document.add(new LongPoint(RECEIVED_AT, received));
        document.add(new StoredField(RECEIVED_AT, received));
        document.add(new NumericDocValuesField(RECEIVED_AT, received));
        addKeyword(document, TOPIC, mail.topic());
        addKeyword(document, SUBTOPIC, mail.subtopic());
        addKeyword(document, LANGUAGE, mail.language());
        addKeyword(document, AUTOMATED_REASON, mail.automatedReason());
        for (String name : mail.attachmentNames()) {
            addText(document, ATTACHMENT_NAME, name);
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

    private static void addKeyword(Document document, String field, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        // a term must stay under Lucene's 32 KB limit; a header that long is hostile and only stored, not searchable
        document.add(value.length() > MAX_KEYWORD ? new StoredField(field, value) : new StringField(field, value, Field.Store.YES));
    }

    private static void addText(Document document, String field, String value) {
        if (value != null && !value.isEmpty()) {
            document.add(new TextField(field, value, Field.Store.YES));
        }
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
