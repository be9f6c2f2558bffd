package org.privacymailbox.indexing;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Writing and reading the mail index. Embedded Lucene today; the interface is what a distributed engine
 * (OpenSearch, Solr) would implement when one machine is no longer enough.
 */
public interface MailIndex {

    /** Adds the mail, or replaces the document of the same mail key: a mail is never indexed twice. */
    void index(IndexedMail mail) throws IOException;

    /** As {@link #index} for many mails at once, made durable together: for imports and rebuilds. */
    default void indexAll(List<IndexedMail> mails) throws IOException {
        for (IndexedMail mail : mails) {
            index(mail);
        }
    }

    default SearchResult search(String query, int limit) throws InvalidQueryException, IOException {
        return search(MailQuery.words(query, limit));
    }

    /** A page of hits with the facet counts over all of them. */
    SearchResult search(MailQuery query) throws InvalidQueryException, IOException;

    /** How many documents match, without fetching or counting facets. */
    long count(MailQuery query) throws InvalidQueryException, IOException;

    /** Records a case's status on all its documents, for the status facet and the {@code status:} filter. */
    void setCaseStatus(String caseReference, boolean answered) throws IOException;

    /** Empties the index, before a rebuild from the raw archive. */
    void deleteAll() throws IOException;

    /** Removes every document of one archived mail (the mail and the mails forwarded in it); returns how many. */
    long deleteArchived(String sha256) throws IOException;

    Optional<IndexedMail> findByMailKey(String mailKey) throws IOException;

    long count() throws IOException;

    /** Whether the index can be written; the reason when it cannot. */
    Optional<String> problem();
}
