package org.privacymailbox.search;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.MailQuery;
import org.privacymailbox.indexing.SearchResult;

/** Searches for staff, every search in the audit log (query masked, hit count). */
public class MailSearch {

    private static final Pattern ADDRESS = Pattern.compile("[^\\s@\"]+@[^\\s@\"]+\\.[^\\s@\"]+");

    private final MailIndex index;
    private final QueryInterpreter interpreter;
    private final AuditLog audit;

    public MailSearch(MailIndex index, QueryInterpreter interpreter, AuditLog audit) {
        this.index = index;
        this.interpreter = interpreter;
        this.audit = audit;
    }

    public SearchResult search(String user, String typed, MailQuery.Order order, int offset, int limit)
            throws InvalidQueryException, IOException {
        SearchResult result = index.search(interpreter.interpret(typed, order, offset, limit));
        audit.record(user, "search", "query '" + typed + "', " + result.total() + " hits");
        return result;
    }

    /** Every mail of a person: by identity number (through its keyed hash) or by e-mail address (sender). */
    public SearchResult person(String user, String who, int limit) throws InvalidQueryException, IOException {
        SearchResult result = index.search(personQuery(who, limit));
        audit.record(user, "person", "person '" + who + "', " + result.total() + " mails");
        return result;
    }

    MailQuery personQuery(String who, int limit) throws InvalidQueryException {
        String text = who == null ? "" : who.strip();
        if (ADDRESS.matcher(text).matches()) {
            return new MailQuery("from:\"" + text.toLowerCase(Locale.ROOT) + "\"", Map.of(), List.of(), false, null, null,
                    MailQuery.Order.NEWEST, 0, limit);
        }
        MailQuery query = interpreter.interpret(text, MailQuery.Order.NEWEST, 0, limit);
        if (query.identityHashes().isEmpty() || !query.words().isEmpty()) {
            throw new InvalidQueryException("Type one identity number (CPR, personnummer, fødselsnummer, henkilötunnus) or one e-mail address.", null);
        }
        return query;
    }
}
