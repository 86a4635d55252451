package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ma.hanout.domain.Environment;
import ma.hanout.domain.HourTakings;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.Takings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakingsStoreTest {
    private static final Instant DAY = Instant.parse("2026-03-10T00:00:00Z");
    private static final Instant NEXT_DAY = DAY.plus(Duration.ofDays(1));

    @TempDir
    Path dir;

    private Database db;
    private SaleStore sales;
    private TakingsStore takings;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        sales = new SaleStore(db);
        takings = new TakingsStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void successfulSalesCountWithFaceValueBilledAndMargin() {
        sales.insert(sale("A", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935, DAY.plusSeconds(60)));
        sales.insert(sale("B", Operator.INWI, 2000, SaleState.ACCEPTED, 19, 1870, DAY.plusSeconds(7200)));
        sales.insert(sale("C", Operator.ORANGE, 500, SaleState.ACCEPTED, 4, 467, DAY.plusSeconds(60)));
        sales.insert(sale("D", Operator.ORANGE, 500, SaleState.REJECTED, null, null, DAY.plusSeconds(60)));
        sales.insert(sale("E", Operator.ORANGE, 500, SaleState.ACCEPTED, 11, 467, DAY.plusSeconds(60)));
        sales.insert(sale("F", Operator.MAROC_TELECOM, 500, SaleState.QUEUED, null, null, DAY.plusSeconds(60)));
        sales.insert(sale("G", Operator.MAROC_TELECOM, 500, SaleState.CANCELLED, null, null, DAY.plusSeconds(60)));
        sales.insert(sale("H", Operator.MAROC_TELECOM, 500, SaleState.ACCEPTED, 2, null, DAY.plusSeconds(60)));

        var byOperator = takings.byOperator(ACCOUNT, DAY, NEXT_DAY);

        assertThat(byOperator.get(Operator.INWI))
                .isEqualTo(new Takings(2, Money.ofCentimes(3000), Money.ofCentimes(2805), 0, 0, 0));
        assertThat(byOperator.get(Operator.INWI).margin()).isEqualTo(Money.ofCentimes(195));
        assertThat(byOperator.get(Operator.ORANGE)).isEqualTo(new Takings(0, Money.ZERO, Money.ZERO, 2, 1, 0));
        assertThat(byOperator.get(Operator.MAROC_TELECOM)).as("a cancelled sale counts nowhere")
                .isEqualTo(new Takings(0, Money.ZERO, Money.ZERO, 0, 0, 2));
    }

    @Test
    void aSaleMovesBetweenClassesAsItsStateChanges() {
        Sale queued = sale("A", Operator.INWI, 1000, SaleState.QUEUED, null, null, DAY.plusSeconds(60));
        sales.insert(queued);
        assertThat(takings.byOperator(ACCOUNT, DAY, NEXT_DAY).get(Operator.INWI).pending()).isEqualTo(1);

        sales.update(with(queued, SaleState.ACCEPTED, 2, null));
        sales.update(with(queued, SaleState.ACCEPTED, 3, 935L));
        Takings done = takings.byOperator(ACCOUNT, DAY, NEXT_DAY).get(Operator.INWI);
        assertThat(done).isEqualTo(new Takings(1, Money.ofMad(10), Money.ofCentimes(935), 0, 0, 0));

        sales.update(with(queued, SaleState.ACCEPTED, 11, 935L));
        assertThat(takings.byOperator(ACCOUNT, DAY, NEXT_DAY).get(Operator.INWI))
                .isEqualTo(new Takings(0, Money.ZERO, Money.ZERO, 0, 1, 0));
    }

    @Test
    void demoAndSandboxSalesNeverCountWithRealOnes() {
        sales.insert(sale("P", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935, DAY.plusSeconds(60)));
        sales.insert(onAccount(sale("D", Operator.INWI, 5000, SaleState.ACCEPTED, 3, 4675, DAY.plusSeconds(60)),
                new SaleAccount(Environment.DEMO, "API-DEMO-0001")));
        sales.insert(onAccount(sale("S", Operator.INWI, 7000, SaleState.ACCEPTED, 3, 6545, DAY.plusSeconds(60)),
                new SaleAccount(Environment.SANDBOX, ACCOUNT.clientCode())));
        sales.insert(onAccount(sale("O", Operator.INWI, 9000, SaleState.ACCEPTED, 3, 8000, DAY.plusSeconds(60)),
                new SaleAccount(Environment.PRODUCTION, "API-OTHER-0002")));

        assertThat(takings.byOperator(ACCOUNT, DAY, NEXT_DAY).get(Operator.INWI).faceValue()).isEqualTo(Money.ofMad(10));
        assertThat(takings.byOperator(new SaleAccount(Environment.DEMO, "API-DEMO-0001"), DAY, NEXT_DAY)
                .get(Operator.INWI).faceValue()).isEqualTo(Money.ofMad(50));
    }

    @Test
    void hoursAreKeptApartAndThePeriodIsHalfOpen() {
        sales.insert(sale("A", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935, DAY.plusSeconds(60)));
        sales.insert(sale("B", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935, DAY.plusSeconds(3 * 3600 + 5)));
        sales.insert(sale("C", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935, NEXT_DAY));

        List<HourTakings> hours = takings.hourly(ACCOUNT, DAY, NEXT_DAY);
        assertThat(hours).extracting(HourTakings::hour).containsExactly(DAY, DAY.plusSeconds(3 * 3600));
        assertThat(takings.byOperator(ACCOUNT, DAY, NEXT_DAY).get(Operator.INWI).successes()).isEqualTo(2);
    }

    @Test
    void theSummaryAlwaysEqualsTheSalesThemselves() {
        Random random = new Random(7);
        List<Sale> made = new ArrayList<>();
        int[] codes = {1, 2, 3, 3, 3, 4, 11, 19, 22, 0, 99};
        SaleState[] states = SaleState.values();
        for (int i = 0; i < 300; i++) {
            Operator op = Operator.values()[random.nextInt(3)];
            SaleState st = states[random.nextInt(states.length)];
            Integer code = st == SaleState.ACCEPTED ? codes[random.nextInt(codes.length)] : null;
            Sale s = sale("R" + i, op, 100 * (1 + random.nextInt(50)), st, code,
                    st == SaleState.ACCEPTED ? (long) random.nextInt(5000) : null,
                    DAY.plusSeconds(random.nextInt(4 * 86_400)));
            sales.insert(s);
            made.add(s);
        }
        for (int i = 0; i < 200; i++) {
            Sale s = made.get(random.nextInt(made.size()));
            Integer code = codes[random.nextInt(codes.length)];
            sales.update(with(s, SaleState.ACCEPTED, code, (long) random.nextInt(5000)));
        }
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM sales WHERE external_reference IN ('R1', 'R2', 'R3')");
            }
            return null;
        });

        assertThat(takings.byOperator(ACCOUNT, DAY, NEXT_DAY))
                .isEqualTo(takings.byOperatorFromSales(ACCOUNT, DAY, NEXT_DAY));
        // whole days read from the daily rows, the ends from the hourly ones
        Instant from = DAY.plusSeconds(5 * 3600);
        Instant to = DAY.plusSeconds(3 * 86_400 + 2 * 3600);
        assertThat(takings.byOperator(ACCOUNT, from, to)).isEqualTo(takings.byOperatorFromSales(ACCOUNT, from, to));
        assertThat(takings.byOperator(ACCOUNT, DAY, DAY.plusSeconds(4 * 86_400)))
                .isEqualTo(takings.byOperatorFromSales(ACCOUNT, DAY, DAY.plusSeconds(4 * 86_400)));
    }

    @Test
    void theUpgradeBuildsTheSummaryForSalesAlreadyInTheFile() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            Schema.upgrade(c, 0, 7);
            st.execute("PRAGMA user_version = 7");
            st.execute("""
                    INSERT INTO sales (external_reference, phone, operator, value_centimes, promo, state, status_code,
                                       ref_interne, billing_centimes, origin, created_at, updated_at, environment, account)
                    VALUES ('OLD-1', '0612345678', 'Inwi', 1000, 0, 'ACCEPTED', 3, 'R1', 935, 'COUNTER', %d, 1,
                            'PRODUCTION', '%s'),
                           ('OLD-2', '0612345678', 'Inwi', 2000, 0, 'REJECTED', NULL, NULL, NULL, 'COUNTER', %d, 1,
                            'PRODUCTION', NULL)
                    """.formatted(DAY.toEpochMilli() + 1, ACCOUNT.clientCode(), DAY.toEpochMilli() + 2));
        }
        try (Database upgraded = Database.open(file)) {
            assertThat(new TakingsStore(upgraded).byOperator(ACCOUNT, DAY, NEXT_DAY).get(Operator.INWI))
                    .as("a legacy sale without a client code belongs to its environment's account")
                    .isEqualTo(new Takings(1, Money.ofMad(10), Money.ofCentimes(935), 1, 0, 0));
        }
    }

    static Sale sale(String ref, Operator op, long centimes, SaleState state, Integer code, Number billed, Instant at) {
        return new Sale(ref, Phone.parse("0612345678"), op, Money.ofCentimes(centimes), Promo.PLAIN, state,
                code == null ? null : RechargeStatus.of(code), code == null ? null : "R-" + ref,
                billed == null ? null : Money.ofCentimes(billed.longValue()), null, null, Sale.Origin.COUNTER, 1, null, at, at,
                null, ACCOUNT);
    }

    private static Sale with(Sale s, SaleState state, Integer code, Long billed) {
        return new Sale(s.externalReference(), s.phone(), s.operator(), s.value(), s.promo(), state,
                code == null ? null : RechargeStatus.of(code), s.refInterne(),
                billed == null ? null : Money.ofCentimes(billed), null, null, s.origin(), s.attempts(), null,
                s.createdAt(), s.updatedAt().plusSeconds(1), null, s.account());
    }

    private static Sale onAccount(Sale s, SaleAccount account) {
        return SaleFixtures.onAccount(s, account);
    }
}
