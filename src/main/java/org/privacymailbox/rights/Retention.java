package org.privacymailbox.rights;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.privacymailbox.archive.RawArchive;
import org.privacymailbox.audit.AuditLog;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.MailQuery;
import org.privacymailbox.indexing.SearchHit;
import org.springframework.scheduling.annotation.Scheduled;

/** Erases mail older than the retention period, once a day; does nothing unless a period is configured. */
public class Retention {

    private static final int BATCH = 1000;

    private final RetentionSettings settings;
    private final MailIndex index;
    private final RawArchive archive;
    private final AuditLog audit;
    private final Clock clock;

    public Retention(RetentionSettings settings, MailIndex index, RawArchive archive, AuditLog audit, Clock clock) {
        this.settings = settings;
        this.index = index;
        this.archive = archive;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 3 * * *")
    public void daily() throws IOException, InvalidQueryException {
        if (settings.period() != null) {
            purge(settings.period());
        }
    }

    /** Erases every mail received before now minus {@code period}; returns how many. */
    public int purge(Duration period) throws IOException, InvalidQueryException {
        Instant cutoff = clock.instant().minus(period);
        Set<String> erased = new LinkedHashSet<>();
        while (true) {
            List<SearchHit> old = index.search(new MailQuery("", Map.of(), List.of(), false, null, cutoff, MailQuery.Order.NEWEST, 0, BATCH))
                    .hits();
            if (old.isEmpty()) {
                break;
            }
            for (SearchHit hit : old) {
                index.deleteArchived(hit.sha256());
                archive.delete(hit.sha256());
                erased.add(hit.sha256());
            }
        }
        if (!erased.isEmpty()) {
            audit.record("retention", "retention", erased.size() + " mails received before " + cutoff + " erased");
        }
        return erased.size();
    }
}
