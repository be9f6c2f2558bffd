package org.privacymailbox.indexing;

import java.util.Map;

/** Every field name of the mail index, in one place. */
final class IndexFields {

    static final String MAIL_KEY = "mail_key";
    static final String CASE_REFERENCE = "case_ref";
    static final String MESSAGE_ID = "message_id";
    static final String SHA256 = "sha256";
    static final String FROM_ADDRESS = "from";
    static final String FROM_NAME = "from_name";
    static final String SUBJECT = "subject";
    static final String RECEIVED_AT = "received_at";
    static final String TOPIC = "topic";
    static final String SUBTOPIC = "subtopic";
    static final String LANGUAGE = "lang";
    static final String AUTOMATED_REASON = "automated_reason";
    static final String ATTACHMENT_NAME = "attachment";
    static final String BODY = "body";
    static final String ATTACHMENT_TEXT = "attachment_text";
    static final String IDENTITY_HASH = "identity_hash";
    static final String FORWARDED_IN = "forwarded_in";
    static final String NOTE = "note";
    /** "attachment" for mail with attachments, so that has:attachment can ask for it. */
    static final String HAS = "has";
    /** 0 while the case is open, 1 once answered: a doc value, so that a status change needs no re-indexing. */
    static final String STATUS = "status";
    /** yyyy-MM of receipt, for the month facet. */
    static final String MONTH = "month";
    /** Keyword fields a query may filter on, by the name staff type before the colon. */
    static final Map<String, String> FILTERS = Map.of(
            "topic", TOPIC, "subtopic", SUBTOPIC, "lang", LANGUAGE, "case", CASE_REFERENCE, "month", MONTH);
    /** The facets counted for every search. */
    static final String[] FACETS = {TOPIC, SUBTOPIC, LANGUAGE, MONTH};

    /** The fields that plain words in a query are looked for in. */
    static final String[] TEXT_FIELDS = {SUBJECT, BODY, ATTACHMENT_TEXT, ATTACHMENT_NAME, FROM_NAME, FROM_ADDRESS};
    /** The fields a snippet is cut from, best first. */
    static final String[] SNIPPET_FIELDS = {BODY, ATTACHMENT_TEXT, SUBJECT};

    private IndexFields() {
    }
}
