package ma.hanout.store;

import ma.hanout.domain.SaleCursor;
import ma.hanout.domain.SalePage;
import ma.hanout.domain.SaleQuery;
import static ma.hanout.store.SaleFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** History search over a few hundred varied sales, checked against the same filter done in Java. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SaleSearchTest {
    private static final String[] PHONES = {"0612345678", "0612345679", "0612399999", "0661000001", "0700000002",
            "0712345678"};

    @TempDir
    static Path dir;

    private Database db;
    private SaleStore sales;
    private SaleSearch search;
    /** In insertion order, which is rowid order. */
    private final List<Sale> inserted = new ArrayList<>();

    @BeforeAll
    void fill() {
        db = Database.open(dir.resolve("hanout.db"));
        sales = new SaleStore(db);
        search = new SaleSearch(db);
        Random random = new Random(7);
        SaleState[] states = SaleState.values();
        int[] codes = {1, 2, 3, 4, 11, 22, 99};
        db.write(c -> {
            for (int i = 0; i < 300; i++) {
                // every third sale shares its millisecond with the one before: ties must page right
                Instant at = T0.plusSeconds(i / 3 * 60L + random.nextInt(2));
                SaleState state = states[random.nextInt(states.length)];
                Integer code = state == SaleState.ACCEPTED ? codes[random.nextInt(codes.length)] : null;
                Sale sale = new Sale(String.format("HN-%04d", i), Phone.parse(PHONES[random.nextInt(PHONES.length)]),
                        Operator.values()[random.nextInt(3)], Money.ofMad(5 + random.nextInt(5) * 5), Promo.PLAIN,
                        state, code == null ? null : RechargeStatus.of(code),
                        code == null ? null : String.format("1899%011d", i), null, null, null, Sale.Origin.COUNTER, 0,
                        null, at, at, null, SaleFixtures.ACCOUNT);
                sales.insert(c, sale, null);
                inserted.add(sale);
            }
            return null;
        });
    }

    @AfterAll
    void close() {
        db.close();
    }

    @Test
    void everythingNewestFirstAcrossPages() {
        assertSearch(SaleQuery.ALL, s -> true);
    }

    @Test
    void byWholePhoneInAnyForm() {
        assertSearch(SaleQuery.ALL.withPhone("+212 6 12 34 56 78"), s -> s.phone().national().equals("0612345678"));
        assertSearch(SaleQuery.ALL.withPhone("06.12.34.56.78"), s -> s.phone().national().equals("0612345678"));
    }

    @Test
    void byFirstDigitsShortAndLong() {
        assertSearch(SaleQuery.ALL.withPhone("06"), s -> s.phone().national().startsWith("06"));
        assertSearch(SaleQuery.ALL.withPhone("0612"), s -> s.phone().national().startsWith("0612"));
        assertSearch(SaleQuery.ALL.withPhone("06 12 34 5"), s -> s.phone().national().startsWith("0612345"));
        assertSearch(SaleQuery.ALL.withPhone("+212 7"), s -> s.phone().national().startsWith("07"));
        assertSearch(SaleQuery.ALL.withPhone("61234567"), s -> s.phone().national().startsWith("061234567"));
        assertThat(page(SaleQuery.ALL.withPhone("+33 6")).sales()).isEmpty();
    }

    @Test
    void byReferenceOursOrTheServersWholeOrBeginning() {
        assertSearch(SaleQuery.ALL.withReference("HN-0042"), s -> s.externalReference().equals("HN-0042"));
        assertSearch(SaleQuery.ALL.withReference("HN-01"), s -> s.externalReference().startsWith("HN-01"));
        Sale accepted = inserted.stream().filter(s -> s.refInterne() != null).findFirst().orElseThrow();
        assertSearch(SaleQuery.ALL.withReference(accepted.refInterne()), s -> s == accepted);
        assertSearch(SaleQuery.ALL.withReference("18990000000001"),
                s -> s.refInterne() != null && s.refInterne().startsWith("18990000000001"));
        assertThat(page(SaleQuery.ALL.withReference("NOPE")).sales()).isEmpty();
    }

    @Test
    void byDates() {
        Instant from = T0.plusSeconds(600);
        Instant to = T0.plusSeconds(3000);
        assertSearch(SaleQuery.ALL.between(from, to), s -> !s.createdAt().isBefore(from) && s.createdAt().isBefore(to));
        assertSearch(SaleQuery.ALL.between(from, null), s -> !s.createdAt().isBefore(from));
        assertSearch(SaleQuery.ALL.between(null, to), s -> s.createdAt().isBefore(to));
    }

    @Test
    void byStatesStatusCodesAndOperator() {
        assertSearch(SaleQuery.ALL.withStates(EnumSet.of(SaleState.QUEUED)), s -> s.state() == SaleState.QUEUED);
        assertSearch(SaleQuery.ALL.withStates(EnumSet.of(SaleState.UNCERTAIN, SaleState.SENDING)),
                s -> s.state() == SaleState.UNCERTAIN || s.state() == SaleState.SENDING);
        assertSearch(SaleQuery.ALL.withStates(EnumSet.of(SaleState.REJECTED, SaleState.QUEUED)),
                s -> s.state() == SaleState.REJECTED || s.state() == SaleState.QUEUED);
        assertSearch(SaleQuery.ALL.withStatusCodes(Set.of(3, 99)),
                s -> s.status() != null && (s.status().code() == 3 || s.status().code() == 99));
        assertSearch(SaleQuery.ALL.withOperator(Operator.MAROC_TELECOM), s -> s.operator() == Operator.MAROC_TELECOM);
    }

    @Test
    void everyFilterAtOnce() {
        Instant from = T0.plusSeconds(300);
        SaleQuery q = SaleQuery.ALL.withPhone("0612").between(from, null).withOperator(Operator.INWI)
                .withStates(EnumSet.of(SaleState.ACCEPTED)).withStatusCodes(Set.of(1, 2, 3, 4, 11, 22));
        assertSearch(q, s -> s.phone().national().startsWith("0612") && !s.createdAt().isBefore(from)
                && s.operator() == Operator.INWI && s.state() == SaleState.ACCEPTED && s.status().code() != 99);
    }

    @Test
    void aSaleAddedWhilePagingDoesNotShiftTheNextPage() {
        SalePage first = search.search(SaleQuery.ALL, 10, null);
        Sale newer = SaleFixtures.queued("HN-NEWER", T0.plusSeconds(1_000_000));
        sales.insert(newer);
        try {
            SalePage second = search.search(SaleQuery.ALL, 10, first.next());
            assertThat(second.sales()).extracting(Sale::externalReference)
                    .containsExactlyElementsOf(expected(s -> true).subList(10, 20));
        } finally {
            db.write(c -> DatabaseTest.exec(c, "DELETE FROM sales WHERE external_reference = 'HN-NEWER'"));
        }
    }

    @Test
    void theLastPageHasNoNext() {
        SalePage page = search.search(SaleQuery.ALL, 1000, null);
        assertThat(page.sales()).hasSize(300);
        assertThat(page.next()).isNull();
        assertThat(page.hasNext()).isFalse();
        SalePage exact = search.search(SaleQuery.ALL.withReference("HN-0042"), 1, null);
        assertThat(exact.sales()).hasSize(1);
        assertThat(exact.next()).as("a full page with nothing after it").isNull();
    }

    @Test
    void badSearchesSayWhy() {
        assertThatThrownBy(() -> SaleQuery.ALL.withPhone("abc")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo("query.phone_invalid"));
        assertThatThrownBy(() -> SaleQuery.ALL.between(T0, T0.minusSeconds(1)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("query.dates_reversed"));
        assertThatThrownBy(() -> search.search(SaleQuery.ALL, 0, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phoneQueriesAreKeptAsNationalDigits() {
        assertThat(SaleQuery.ALL.withPhone("06 12 34 56 78").phone()).isEqualTo("0612345678");
        assertThat(SaleQuery.ALL.withPhone("06 12 34 56 78").phoneIsWhole()).isTrue();
        assertThat(SaleQuery.ALL.withPhone("+212 61").phone()).isEqualTo("061");
        assertThat(SaleQuery.ALL.withPhone("00212 (0)6 1").phone()).isEqualTo("061");
        assertThat(SaleQuery.ALL.withPhone("61").phone()).isEqualTo("061");
        assertThat(SaleQuery.ALL.withPhone("\u0660\u0666\u0661").phone()).isEqualTo("061");
        assertThat(SaleQuery.ALL.withPhone("061").phoneIsWhole()).isFalse();
        assertThat(SaleQuery.ALL.withPhone("  ").phone()).isNull();
    }

    // ---------------------------------------------------------------- query plans

    @Test
    void aWholePhoneSearchWalksThePhoneIndexWithoutSorting() {
        String plan = search.queryPlan(SaleQuery.ALL.withPhone("0612345678"), 50, null);
        assertThat(plan).contains("USING INDEX sales_by_phone (phone=?)").doesNotContain("TEMP B-TREE");
        String next = search.queryPlan(SaleQuery.ALL.withPhone("0612345678"), 50, new SaleCursor(1, 1));
        assertThat(next).contains("USING INDEX sales_by_phone (phone=? AND created_at<?)")
                .doesNotContain("TEMP B-TREE");
    }

    @Test
    void theFirstHistoryPageWalksTheDateIndexWithoutSorting() {
        String plan = search.queryPlan(SaleQuery.ALL, 50, null);
        assertThat(plan).contains("USING INDEX sales_by_date").doesNotContain("TEMP B-TREE");
        String next = search.queryPlan(SaleQuery.ALL, 50, new SaleCursor(1, 1));
        assertThat(next).contains("USING INDEX sales_by_date (created_at<?)").doesNotContain("TEMP B-TREE");
    }

    @Test
    void otherSearchesUseAnIndexToo() {
        assertThat(search.queryPlan(SaleQuery.ALL.withPhone("0612345"), 50, null))
                .contains("USING INDEX sales_by_phone (phone>? AND phone<?)");
        assertThat(search.queryPlan(SaleQuery.ALL.withPhone("06"), 50, null))
                .contains("USING INDEX sales_by_date").doesNotContain("TEMP B-TREE");
        assertThat(search.queryPlan(SaleQuery.ALL.withReference("HN-01"), 50, null))
                .contains("MULTI-INDEX OR").contains("sales_by_ref_interne");
        assertThat(search.queryPlan(SaleQuery.ALL.withOperator(Operator.ORANGE), 50, null))
                .contains("USING INDEX sales_by_operator (operator=?)").doesNotContain("TEMP B-TREE");
        assertThat(search.queryPlan(SaleQuery.ALL.between(T0, T0.plusSeconds(60)), 50, null))
                .contains("USING INDEX sales_by_date (created_at>? AND created_at<?)");
        assertThat(search.queryPlan(SaleQuery.ALL.withStates(EnumSet.of(SaleState.UNCERTAIN)), 50, null))
                .contains("USING INDEX sales_unsettled");
        for (SaleQuery q : List.of(SaleQuery.ALL, SaleQuery.ALL.withPhone("0612345678"),
                SaleQuery.ALL.withPhone("06"), SaleQuery.ALL.withPhone("0612345"), SaleQuery.ALL.withReference("HN"),
                SaleQuery.ALL.withOperator(Operator.INWI), SaleQuery.ALL.withStatusCodes(Set.of(3)))) {
            assertThat(search.queryPlan(q, 50, null)).as("%s", q).doesNotContainPattern("(?m)^SCAN sales$");
        }
    }

    @Test
    void theOutboxQueriesUseTheSmallUnsettledIndex() {
        assertThat(search.queryPlan(OutboxLedger.DUE_FOR_SEND, 0, 0, "PRODUCTION", "API-TEST-0001", 10))
                .contains("USING INDEX sales_unsettled");
    }

    // ---------------------------------------------------------------- helpers

    private SalePage page(SaleQuery q) {
        return search.search(q, 50, null);
    }

    /** Pages through {@code query} 7 at a time and compares with the same filter in Java. */
    private void assertSearch(SaleQuery query, Predicate<Sale> filter) {
        List<String> want = expected(filter);
        List<String> got = new ArrayList<>();
        SaleCursor after = null;
        int pages = 0;
        do {
            SalePage page = search.search(query, 7, after);
            assertThat(page.sales().size()).isLessThanOrEqualTo(7);
            page.sales().forEach(s -> got.add(s.externalReference()));
            after = page.next();
            assertThat(++pages).as("pages").isLessThan(100);
        } while (after != null);
        assertThat(got).as("%s", query).containsExactlyElementsOf(want);
    }

    private List<String> expected(Predicate<Sale> filter) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < inserted.size(); i++) {
            if (filter.test(inserted.get(i))) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparing((Integer i) -> inserted.get(i).createdAt()).reversed()
                .thenComparing(Comparator.reverseOrder()));
        List<String> refs = new ArrayList<>();
        order.forEach(i -> refs.add(inserted.get(i).externalReference()));
        return refs;
    }
}
