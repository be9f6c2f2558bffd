package org.privacymailbox.web;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.privacymailbox.cases.CaseStatus;
import org.privacymailbox.indexing.InvalidQueryException;
import org.privacymailbox.indexing.MailIndex;
import org.privacymailbox.indexing.MailQuery;
import org.privacymailbox.indexing.SearchHit;

/** What the dashboard shows: inquiries per day by topic, and open privacy cases by due date, overdue first. */
class Dashboard {

    static final List<String> TOPICS = List.of("privacy", "billing", "other", "automated");
    private static final int DAYS = 30;
    private static final int MAX_CASES = 2000;

    private final MailIndex index;
    private final CaseStatus status;
    private final Clock clock;

    Dashboard(MailIndex index, CaseStatus status, Clock clock) {
        this.index = index;
        this.status = status;
        this.clock = clock;
    }

    record Day(LocalDate date, Map<String, Long> counts, long total) {
    }

    /** One bar of the chart, its stacked segments already in SVG coordinates (no script draws anything). */
    record Bar(int x, String label, List<Segment> segments) {
    }

    record Segment(String topic, double y, double height, long count) {
    }

    static List<Bar> bars(List<Day> days, int chartHeight) {
        long max = Math.max(1, days.stream().mapToLong(Day::total).max().orElse(1));
        double scale = (double) chartHeight / max;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Day day = days.get(i);
            double top = chartHeight;
            List<Segment> segments = new ArrayList<>();
            for (String topic : TOPICS) {
                long count = day.counts().get(topic);
                double height = count * scale;
                top -= height;
                segments.add(new Segment(topic, top, height, count));
            }
            bars.add(new Bar(i * 31, i % 5 == 0 ? day.date().toString().substring(5) : "", segments));
        }
        return bars;
    }

    record DueCase(String caseReference, String subject, Instant received, LocalDate due, boolean overdue, String mailKey) {
    }

    List<Day> perDay() throws IOException, InvalidQueryException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<Day> days = new ArrayList<>();
        for (int i = DAYS - 1; i >= 0; i--) {
            LocalDate date = today.minusDays(i);
            Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            Map<String, Long> counts = new LinkedHashMap<>();
            long total = 0;
            for (String topic : TOPICS) {
                long count = index.count(new MailQuery("", Map.of("topic", topic), List.of(), false, from, to, MailQuery.Order.NEWEST, 0, 1));
                counts.put(topic, count);
                total += count;
            }
            days.add(new Day(date, counts, total));
        }
        return days;
    }

    List<DueCase> openPrivacyCases() throws IOException, InvalidQueryException {
        List<SearchHit> hits = index.search(new MailQuery("", Map.of("topic", "privacy"), List.of(), false, null, null,
                MailQuery.Order.NEWEST, 0, MAX_CASES)).hits();
        Map<String, SearchHit> first = new LinkedHashMap<>();
        for (SearchHit hit : hits) {
            if (!hit.forwarded()) {
                first.merge(hit.caseRef(), hit, (a, b) -> a.receivedAt().isBefore(b.receivedAt()) ? a : b);
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        List<DueCase> open = new ArrayList<>();
        for (SearchHit hit : first.values()) {
            if (CaseStatus.OPEN.equals(status.of(hit.caseRef()))) {
                // GDPR Art. 12(3): one month from receipt
                LocalDate due = hit.receivedAt().atZone(ZoneOffset.UTC).toLocalDate().plusMonths(1);
                open.add(new DueCase(hit.caseRef(), hit.subject(), hit.receivedAt(), due, due.isBefore(today), hit.mailKey()));
            }
        }
        open.sort(Comparator.comparing(DueCase::due));
        return open;
    }
}
