package ma.hanout.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import ma.hanout.domain.ExternalReference;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import ma.hanout.store.Database;
import ma.hanout.domain.SalePage;
import ma.hanout.domain.SaleQuery;
import ma.hanout.domain.Environment;
import ma.hanout.domain.SaleAccount;
import ma.hanout.store.SaleSearch;
import ma.hanout.store.SaleStore;

/**
 * {@code hanout bench history}: the history screen's searches over a shop's lifetime of sales.
 * Fills a temporary database with {@value #ROWS} sales (about three years of a busy counter:
 * repeat customers, mostly delivered, a few failures), then times through {@link SaleSearch#search}
 * (SQL and turning rows into sales) a search by whole phone number, the first history page, the
 * next page, a search by our reference and by the server's, and a phone-prefix search. The floor,
 * measured in the same run, is a lookup of one sale by primary key through the same path.
 */
public final class HistoryBench implements Harness {
    static final int ROWS = 1_000_000;
    static final int ITERATIONS = 2_000;
    static final int PAGE = 50;
    private static final int CUSTOMERS = 40_000;
    private static final Instant START = Instant.parse("2023-01-01T08:00:00Z");
    private static final int CHUNK = 10_000;

    private final int rows;
    private final int iterations;
    private final SaleAccount account;
    /** Every sale settled (none queued or in progress): a history the engine has nothing left to do with. */
    private final boolean settled;

    private static final SaleAccount ACCOUNT = new SaleAccount(Environment.PRODUCTION, "API-BENCH-0001");

    /** The standard run: {@value #ROWS} sales, {@value #ITERATIONS} timed searches of each kind. */
    public HistoryBench() {
        this(ROWS, ITERATIONS);
    }

    /** A smaller run, for the harness's own test. */
    HistoryBench(int rows, int iterations) {
        this(rows, iterations, ACCOUNT, false);
    }

    private HistoryBench(int rows, int iterations, SaleAccount account, boolean settled) {
        this.rows = rows;
        this.iterations = iterations;
        this.account = account;
        this.settled = settled;
    }

    /**
     * Fills {@code db} with {@code rows} sales made as this bench makes them, on {@code account}
     * and all settled: the years of history of the shop {@link MemoryBench} opens.
     */
    static void fillSettled(Database db, int rows, SaleAccount account) {
        Random random = new Random(20260109);
        new HistoryBench(rows, 0, account, true).fill(db, new SaleStore(db), customers(random), random);
    }

    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        out.printf(Locale.ROOT, "history bench: %,d sales, %,d timed searches of each kind, pages of %d, %d cores%n",
                rows, iterations, PAGE, Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("hanout-history-bench");
        try (Database db = Database.open(dir.resolve(Database.FILE_NAME))) {
            SaleStore sales = new SaleStore(db);
            SaleSearch search = new SaleSearch(db);
            Random random = new Random(20260109);
            String[] phones = customers(random);

            long t0 = System.nanoTime();
            List<String[]> refs = fill(db, sales, phones, random);
            double fillSeconds = (System.nanoTime() - t0) / 1e9;
            long bytes = Files.size(db.file());
            out.printf(Locale.ROOT, "filled in %.1f s (one transaction, one prepared statement), file %.0f MB%n",
                    fillSeconds, bytes / 1e6);

            SalePage first = search.search(SaleQuery.ALL, PAGE, null);
            List<Search> searches = List.of(
                    new Search("pk_lookup", "floor: one sale by primary key",
                            i -> sales.find(refs.get(i % refs.size())[0]).isPresent() ? 1 : 0, null),
                    new Search("phone_search", "whole phone number, first page",
                            i -> search.search(SaleQuery.ALL.withPhone(phones[pick(i, phones.length)]), PAGE, null)
                                    .sales().size(), SaleQuery.ALL.withPhone(phones[0])),
                    new Search("first_page", "history, first page (no filter)",
                            i -> search.search(SaleQuery.ALL, PAGE, null).sales().size(), SaleQuery.ALL),
                    new Search("next_page", "history, second page (keyset cursor)",
                            i -> search.search(SaleQuery.ALL, PAGE, first.next()).sales().size(), null),
                    new Search("ref_search", "our reference, whole",
                            i -> search.search(SaleQuery.ALL.withReference(refs.get(i % refs.size())[0]), PAGE, null)
                                    .sales().size(), SaleQuery.ALL.withReference(refs.get(0)[0])),
                    new Search("ref_interne_search", "the server's reference, whole",
                            i -> search.search(SaleQuery.ALL.withReference(refs.get(i % refs.size())[1]), PAGE, null)
                                    .sales().size(), null),
                    new Search("phone_prefix_search", "first 6 digits of a number",
                            i -> search.search(SaleQuery.ALL.withPhone(phones[pick(i, phones.length)].substring(0, 6)),
                                    PAGE, null).sales().size(),
                            SaleQuery.ALL.withPhone(phones[0].substring(0, 6))));

            for (Search s : searches) {
                if (s.planOf != null) {
                    out.println("plan " + s.key + ": " + search.queryPlan(s.planOf, PAGE, null).strip()
                            .replace("\n", " | "));
                }
            }
            // Warm up the JIT and the page cache, then time the kinds interleaved: a neighbour's
            // load on a shared machine then weighs on every kind alike.
            time(searches, Math.max(10, iterations / 10));
            System.gc();
            long[][] timings = time(searches, iterations);
            Map<String, Number> figures = new LinkedHashMap<>();
            figures.put("rows", rows);
            figures.put("fill_s", round(fillSeconds));
            figures.put("db_mb", Math.round(bytes / 1e6));
            for (int k = 0; k < searches.size(); k++) {
                Search s = searches.get(k);
                long[] nanos = timings[k];
                double p50 = percentileMs(nanos, 50);
                double p99 = percentileMs(nanos, 99);
                out.printf(Locale.ROOT, "%-20s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%s)%n", s.key, p50, p99,
                        nanos[nanos.length - 1] / 1e6, s.label);
                figures.put(s.key + "_p50_ms", p50);
                figures.put(s.key + "_p99_ms", p99);
            }
            double floor = Math.max(1e-3, percentileMs(timings[0], 50));
            figures.put("phone_search_p50_x_floor", round(percentileMs(timings[1], 50) / floor));
            figures.put("first_page_p50_x_floor", round(percentileMs(timings[2], 50) / floor));
            out.printf(Locale.ROOT, "targets: phone_search_p99_ms and first_page_p99_ms < 20%n");
            return figures;
        } finally {
            deleteTree(dir);
        }
    }

    /** One kind of search: {@code run(i)} does the i-th search and returns how many sales it found. */
    private record Search(String key, String label, IntFunction<Integer> run, SaleQuery planOf) {
    }

    /** Runs each search {@code n} times, round-robin; returns each one's sorted durations in nanoseconds. */
    private static long[][] time(List<Search> searches, int n) {
        long[][] nanos = new long[searches.size()][n];
        long[] found = new long[searches.size()];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < searches.size(); k++) {
                long t0 = System.nanoTime();
                found[k] += searches.get(k).run.apply(i);
                nanos[k][i] = System.nanoTime() - t0;
            }
        }
        for (int k = 0; k < searches.size(); k++) {
            if (found[k] == 0) {
                throw new IllegalStateException("the " + searches.get(k).key + " searches found nothing");
            }
            Arrays.sort(nanos[k]);
        }
        return nanos;
    }

    /** Skewed towards the first customers: some come every day, most now and then. */
    private static int pick(int i, int n) {
        long h = (i * 0x9E3779B97F4A7C15L) >>> 11;
        double u = (h & ((1L << 53) - 1)) / (double) (1L << 53);
        return (int) (n * u * u);
    }

    private static String[] customers(Random random) {
        // the prefixes Operator.hintFor knows, so each customer has a plausible operator
        String[] prefixes = {"0610", "0612", "0616", "0621", "0626", "0633", "0641", "0650", "0661", "0662", "0663",
                "0664", "0666", "0670", "0677", "0680", "0690", "0699", "0700", "0702", "0707", "0710", "0766",
                "0770"};
        String[] phones = new String[CUSTOMERS];
        for (int i = 0; i < phones.length; i++) {
            phones[i] = prefixes[random.nextInt(prefixes.length)] + String.format("%06d", random.nextInt(1_000_000));
        }
        return phones;
    }

    /** Inserts {@link #rows} sales in time order in one transaction; returns [external, ref_interne] of a sample. */
    private List<String[]> fill(Database db, SaleStore sales, String[] phones, Random random) {
        MovingClock clock = new MovingClock();
        ExternalReference references = new ExternalReference(clock);
        List<String[]> sample = new ArrayList<>();
        long span = 3L * 365 * 24 * 3600 * 1000;
        long step = span / rows;
        db.write(c -> {
            // a page cache big enough for the indexes that fill in random order (phone, ref_interne):
            // without it the fill spends its time re-reading index pages
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA cache_size = -262144");
            }
            List<Sale> chunk = new ArrayList<>(CHUNK);
            long at = START.toEpochMilli();
            for (int i = 0; i < rows; i++) {
                at += random.nextInt((int) Math.max(1, 2 * step));
                clock.now = at;
                Sale sale = sale(i, references.next(), phones[pick(random.nextInt(), phones.length)],
                        Instant.ofEpochMilli(at), random);
                chunk.add(sale);
                if (i % (rows / 1000 + 1) == 0) {
                    sample.add(new String[] {sale.externalReference(), sale.refInterne()});
                }
                if (chunk.size() == CHUNK) {
                    sales.insertAll(c, chunk);
                    chunk.clear();
                }
            }
            sales.insertAll(c, chunk);
            return null;
        });
        return sample;
    }

    private Sale sale(int i, String ref, String phoneText, Instant at, Random random) {
        Phone phone = new Phone(phoneText);
        Operator operator = Operator.hintFor(phone).orElse(Operator.INWI);
        Money value = Money.ofMad(new int[] {5, 10, 10, 20, 20, 30, 50, 100}[random.nextInt(8)]);
        int roll = random.nextInt(100);
        SaleState state;
        RechargeStatus status;
        if (i >= rows - 20 && !settled) {
            state = SaleState.QUEUED; // the newest few are still in the outbox
            status = null;
        } else if (roll < 3) {
            state = SaleState.REJECTED;
            status = null;
        } else if (roll < 4) {
            state = SaleState.CANCELLED;
            status = null;
        } else {
            state = SaleState.ACCEPTED;
            status = RechargeStatus.of(roll < 90 ? 3 : roll < 95 ? 4 : roll < 97 ? 11 : settled ? 3 : 2);
        }
        boolean accepted = state == SaleState.ACCEPTED;
        return new Sale(ref, phone, operator, value, random.nextInt(4) == 0 ? new Promo(6) : Promo.PLAIN, state,
                status, accepted ? String.format("1899%011d", i) : null,
                accepted ? Money.ofCentimes(value.centimes() * 935 / 1000) : null,
                state == SaleState.REJECTED ? "INSUFFICIENT_FUNDS" : null,
                state == SaleState.REJECTED ? "Solde insuffisant." : null, Sale.Origin.COUNTER, accepted ? 1 : 0,
                null, at, at.plusSeconds(3), accepted ? at.plusSeconds(3) : null, account);
    }

    /** The fill's clock: references carry the time of the sale they name. */
    private static final class MovingClock extends Clock {
        long now;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now);
        }
    }

    private static double percentileMs(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return Math.round(sorted[Math.max(0, index)] / 1e3) / 1e3;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
