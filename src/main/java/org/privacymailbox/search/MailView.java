package org.privacymailbox.search;

import java.util.List;
import org.privacymailbox.indexing.IndexedMail;
import org.privacymailbox.indexing.SearchHit;

/**
 * One mail as staff read it: the indexed text (identity numbers masked), its case's status and other mails, and
 * the names of its attached files (downloadable by their position).
 */
public record MailView(IndexedMail mail, String status, List<SearchHit> caseMails, List<AttachedFile> files) {

    public record AttachedFile(int number, String name, String contentType, long size) {
    }
}
