package org.privacymailbox.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.store.FSDirectory;
import org.privacymailbox.indexing.IndexedMail;
import org.privacymailbox.indexing.LuceneMailIndex;
import org.privacymailbox.indexing.MailQuery;

/**
 * Search latency at scale (scripts/benchmark search): builds indexes of the given sizes from generated mail (once;
 * kept under the work directory), then runs a query mix through the same {@link LuceneMailIndex#search} the staff's
 * page and API use — hits, snippets and facet counts — and prints p50, p99 and queries per second per kind of query
 * and for the whole mix, with the heap in use.
 */
public final class SearchBenchmark {

    enum Kind { SINGLE_TERM, TWO_TERMS, PHRASE, FIELD_PREFIX, DATE_RANGE_AND_TEXT, PERSON }

    private static final int QUERIES = 4000;
    private static final int WARM_UP = 1000;
    private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
    private static final String[] TOPICS = {"privacy", "billing", "other"};
    private static final String[] LANGUAGES = {"da", "sv", "no", "fi", "en", "de"};
    private static final String[] COMMON = {"faktura", "indsigt", "slet", "oplysninger", "betalt", "rykker", "data", "breach",
        "personuppgifter", "radera", "innsyn", "lasku", "henkilötiedot", "refund", "invoice", "kunde", "konto", "adresse",
        "telefon", "angreb", "ransomware", "hackere", "lækket", "stjålet", "bekymret", "svar", "hurtigt", "venligst", "tak", "hilsen"};

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: SearchBenchmark WORK_DIR DOCUMENTS...");
            System.exit(2);
        }
        Path work = Path.of(args[0]);
        int[] sizes = Arrays.stream(args).skip(1).flatMap(arg -> Arrays.stream(arg.trim().split("\\s+"))).mapToInt(Integer::parseInt).toArray();
        System.out.printf("%-10s %-22s %8s %8s %9s%n", "documents", "query", "p50 ms", "p99 ms", "queries/s");
        for (int size : sizes) {
            Path directory = work.resolve("index-" + size);
            if (!Files.exists(directory.resolve("complete"))) {
                build(directory, size);
            }
            run(directory, size);
        }
    }

    private static String word(Random random) {
        // a Zipf-like vocabulary: a few common words, a long tail of rare ones
        double u = random.nextDouble();
        if (u < 0.35) {
            return COMMON[random.nextInt(COMMON.length)];
        }
        int rank = (int) Math.floor(Math.pow(50_000, random.nextDouble()));
        return syllables(rank);
    }

    private static String syllables(int rank) {
        String[] parts = {"ka", "ri", "mo", "sel", "vin", "tor", "lu", "ne", "ja", "pe", "dr", "st", "fa", "gu", "hem", "ol"};
        StringBuilder word = new StringBuilder();
        int n = rank + 17;
        do {
            word.append(parts[n % parts.length]);
            n /= parts.length;
        } while (n > 0);
        return word.toString();
    }

    private static void build(Path directory, int size) throws Exception {
        Files.createDirectories(directory);
        Random random = new Random(size);
        long started = System.nanoTime();
        try (FSDirectory fs = FSDirectory.open(directory);
                LuceneMailIndex index = new LuceneMailIndex(fs, new StandardAnalyzer(CharArraySet.EMPTY_SET))) {
            List<IndexedMail> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add(mail(i, random));
                if (batch.size() == 5000) {
                    index.indexAll(batch);
                    batch.clear();
                }
            }
            index.indexAll(batch);
        }
        Files.writeString(directory.resolve("complete"), "");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "built an index of %d documents in %.0f s (%.0f documents/s)%n", size, seconds, size / seconds);
    }

    private static IndexedMail mail(int number, Random random) {
        StringBuilder body = new StringBuilder();
        int words = 40 + random.nextInt(120);
        for (int w = 0; w < words; w++) {
            body.append(word(random)).append(w % 12 == 11 ? ". " : " ");
        }
        String subject = word(random) + " " + word(random) + " " + (random.nextBoolean() ? "faktura " + (40_000_000 + random.nextInt(1_000_000)) : "indsigt");
        boolean attachment = random.nextInt(100) < 25;
        List<String> hashes = random.nextInt(100) < 20 ? List.of("person-" + random.nextInt(200_000)) : List.of();
        return new IndexedMail("mid:bench-" + number, String.format(Locale.ROOT, "DPO-2025-%06d", number), "<bench-" + number + "@example>",
                Integer.toHexString(number), "customer" + number % 50_000 + "@example.dk", "Kunde " + syllables(number % 20_000),
                subject, START.plus(Duration.ofMinutes(number % 1_000_000)), TOPICS[random.nextInt(TOPICS.length)], "access",
                LANGUAGES[random.nextInt(LANGUAGES.length)], null, attachment ? List.of("kvittering.pdf") : List.of(), body.toString(),
                attachment ? "Kvittering faktura " + (40_000_000 + random.nextInt(1_000_000)) + " betalt " + word(random) : "",
                hashes, null, List.of());
    }

    private static MailQuery query(Kind kind, Random random) {
        return switch (kind) {
            case SINGLE_TERM -> MailQuery.words(word(random), 20);
            case TWO_TERMS -> MailQuery.words(COMMON[random.nextInt(COMMON.length)] + " " + word(random), 20);
            case PHRASE -> MailQuery.words("\"" + COMMON[random.nextInt(COMMON.length)] + " " + COMMON[random.nextInt(COMMON.length)] + "\"", 20);
            case FIELD_PREFIX -> MailQuery.words("subject:" + syllables(random.nextInt(2000)).substring(0, 3) + "*", 20);
            case DATE_RANGE_AND_TEXT -> {
                Instant after = START.plus(Duration.ofDays(random.nextInt(600)));
                yield new MailQuery(COMMON[random.nextInt(COMMON.length)], Map.of(), List.of(), false, after, after.plus(Duration.ofDays(30)),
                        MailQuery.Order.NEWEST, 0, 20);
            }
            case PERSON -> new MailQuery("", Map.of(), List.of("person-" + random.nextInt(200_000)), false, null, null, MailQuery.Order.NEWEST, 0, 20);
        };
    }

    private static void run(Path directory, int size) throws Exception {
        try (FSDirectory fs = FSDirectory.open(directory);
                LuceneMailIndex index = new LuceneMailIndex(fs, new StandardAnalyzer(CharArraySet.EMPTY_SET))) {
            Random random = new Random(42);
            // -Dkinds=single_term,phrase runs only those (to profile one kind); the mix and its figures need them all
            String only = System.getProperty("kinds", "");
            Kind[] kinds = only.isBlank() ? Kind.values()
                    : Arrays.stream(only.split(",")).map(name -> Kind.valueOf(name.strip().toUpperCase(Locale.ROOT))).toArray(Kind[]::new);
            for (int i = 0; i < WARM_UP; i++) {
                index.search(query(kinds[i % kinds.length], random));
            }
            Map<Kind, List<Long>> latencies = new EnumMap<>(Kind.class);
            List<Long> all = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < QUERIES; i++) {
                Kind kind = kinds[i % kinds.length];
                MailQuery query = query(kind, random);
                long t0 = System.nanoTime();
                index.search(query);
                long took = System.nanoTime() - t0;
                latencies.computeIfAbsent(kind, k -> new ArrayList<>()).add(took);
                all.add(took);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            for (Map.Entry<Kind, List<Long>> entry : latencies.entrySet()) {
                // one at a time: a kind's rate is how many of it fit in a second
                double busy = entry.getValue().stream().mapToLong(Long::longValue).sum() / 1e9;
                print(size, entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' '), entry.getValue(), entry.getValue().size() / busy);
            }
            print(size, "whole mix", all, QUERIES / seconds);
            Runtime runtime = Runtime.getRuntime();
            System.gc();
            System.out.printf(Locale.ROOT, "%-10d heap: max %d MB, in use after the run %d MB; index on disk %d MB%n", size,
                    runtime.maxMemory() >> 20, (runtime.totalMemory() - runtime.freeMemory()) >> 20, sizeOf(directory) >> 20);
        }
    }

    private static void print(int size, String name, List<Long> nanos, double perSecond) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-10d %-22s %8.2f %8.2f %9.0f%n", size, name, percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, perSecond);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static long sizeOf(Path directory) throws Exception {
        try (var files = Files.list(directory)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }
}
