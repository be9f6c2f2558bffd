package org.privacymailbox.evaluation;

import java.util.List;
import java.util.Set;

/**
 * One line of a {@code labels.jsonl}: what a person decided the mail is. {@code accept} lists every topic that is a
 * fair answer for a genuinely mixed mail; {@code ids} are the identity numbers as {@code [type, value]};
 * {@code subtopic} is optional.
 */
record LabelledMail(String id, String lang, String topic, String subtopic, boolean ack, List<List<String>> ids, Set<String> accept) {

    LabelledMail {
        ids = ids == null ? List.of() : List.copyOf(ids);
        accept = accept == null || accept.isEmpty() ? Set.of(topic) : Set.copyOf(accept);
    }
}
