package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import ma.hanout.domain.BalanceSnapshot;
import ma.hanout.domain.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalanceStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private BalanceStore balances;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        balances = new BalanceStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyFieldRoundTripsAcrossReopening() {
        BalanceSnapshot full = new BalanceSnapshot(Money.ofCentimes(9_000), Money.ofCentimes(50_000), "MAD", T0,
                "balance");
        BalanceSnapshot noLimit = new BalanceSnapshot(Money.ofCentimes(7_000), null, "MAD", T0.plusSeconds(1), "sale");
        balances.record(full);
        balances.record(noLimit);
        db.close();
        db = Database.open(dir.resolve("hanout.db"));
        balances = new BalanceStore(db);
        assertThat(balances.since(T0)).containsExactly(full, noLimit);
        assertThat(balances.latest()).contains(noLimit);
    }

    @Test
    void latestIsByTimeStatedNotByArrival() {
        assertThat(balances.latest()).isEmpty();
        BalanceSnapshot newer = new BalanceSnapshot(Money.ofMad(70), null, "MAD", T0.plusSeconds(10), "sale");
        BalanceSnapshot lateAnswer = new BalanceSnapshot(Money.ofMad(90), null, "MAD", T0, "balance");
        balances.record(newer);
        balances.record(lateAnswer);
        assertThat(balances.latest()).contains(newer);
    }

    @Test
    void sinceIsInclusiveAndOldestFirst() {
        for (int i = 0; i < 5; i++) {
            balances.record(new BalanceSnapshot(Money.ofMad(100 - i), null, "MAD", T0.plusSeconds(i), "sale"));
        }
        assertThat(balances.since(T0.plusSeconds(3))).extracting(BalanceSnapshot::balance)
                .containsExactly(Money.ofMad(97), Money.ofMad(96));
        assertThat(balances.since(T0.plusSeconds(99))).isEmpty();
    }

    @Test
    void aNegativeBalanceOnCreditIsKept() {
        BalanceSnapshot onCredit = new BalanceSnapshot(Money.ofCentimes(-1_250), Money.ofMad(500), "MAD", T0, "sale");
        balances.record(onCredit);
        assertThat(balances.latest()).contains(onCredit);
    }
}
