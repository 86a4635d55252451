package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.SaleState;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftAlreadyOpenException;
import ma.hanout.domain.ShiftReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftStoreTest {
    private static final Instant OPEN = Instant.parse("2026-03-10T08:00:00Z");

    @TempDir
    Path dir;

    private Database db;
    private SaleStore sales;
    private ShiftStore shifts;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        sales = new SaleStore(db);
        shifts = new ShiftStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void oneOpenShiftPerCashierAndTerminal() {
        shifts.open("Amina", "T1", ACCOUNT, OPEN);
        assertThatThrownBy(() -> shifts.open("amina", "T1", ACCOUNT, OPEN.plusSeconds(5)))
                .isInstanceOf(ShiftAlreadyOpenException.class);
        shifts.open("Amina", "T2", ACCOUNT, OPEN);
        shifts.open("Youssef", "T1", ACCOUNT, OPEN);
        assertThat(shifts.openAt("T1")).extracting(Shift::cashier).containsExactly("Amina", "Youssef");
    }

    @Test
    void closingCountsTheShiftsSalesAndKeepsTheReport() {
        Shift s = shifts.open("Amina", "T1", ACCOUNT, OPEN);
        sales.insert(TakingsStoreTest.sale("BEFORE", Operator.INWI, 5000, SaleState.ACCEPTED, 3, 4675,
                OPEN.minusSeconds(1)), "Amina");
        sales.insert(TakingsStoreTest.sale("A", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935, OPEN.plusSeconds(60)),
                "Amina");
        sales.insert(TakingsStoreTest.sale("B", Operator.ORANGE, 2000, SaleState.ACCEPTED, 20, 1870,
                OPEN.plusSeconds(90)), null);
        sales.insert(TakingsStoreTest.sale("C", Operator.ORANGE, 2000, SaleState.ACCEPTED, 4, 1870,
                OPEN.plusSeconds(95)), "Amina");
        sales.insert(TakingsStoreTest.sale("D", Operator.ORANGE, 2000, SaleState.ACCEPTED, 11, 1870,
                OPEN.plusSeconds(96)), "Amina");
        sales.insert(TakingsStoreTest.sale("E", Operator.ORANGE, 2000, SaleState.QUEUED, null, null,
                OPEN.plusSeconds(97)), "Amina");
        sales.insert(TakingsStoreTest.sale("X", Operator.ORANGE, 2000, SaleState.CANCELLED, null, null,
                OPEN.plusSeconds(98)), "Amina");
        sales.insert(TakingsStoreTest.sale("OTHER", Operator.ORANGE, 7000, SaleState.ACCEPTED, 3, 6000,
                OPEN.plusSeconds(99)), "Youssef");

        Shift closed = shifts.close(s.id(), OPEN.plusSeconds(3600), "Amina", Money.ofMad(25));

        ShiftReport r = closed.report();
        assertThat(r).isEqualTo(new ShiftReport(5, 2, 1, 1, 1, Money.ofMad(30), Money.ofMad(25)));
        assertThat(r.difference()).isEqualTo(Money.ofMad(-5));
        assertThat(shifts.find(s.id()).orElseThrow()).isEqualTo(closed);
        assertThat(shifts.findOpen("Amina", "T1")).isEmpty();
    }

    @Test
    void aSaleWithNoCashierCountsInOneShiftOnlyTheTerminalsOldestOpenOne() {
        Shift amina = shifts.open("Amina", "T1", ACCOUNT, OPEN);
        Shift youssef = shifts.open("Youssef", "T1", ACCOUNT, OPEN.plusSeconds(10));
        // unnamed, while both are open: Amina's (the older) takes it, Youssef's does not
        sales.insert(TakingsStoreTest.sale("N1", Operator.INWI, 1000, SaleState.ACCEPTED, 3, 935,
                OPEN.plusSeconds(20)), null);
        // named in another case than the shift: still the cashier's own sale
        sales.insert(TakingsStoreTest.sale("Y1", Operator.INWI, 3000, SaleState.ACCEPTED, 3, 2800,
                OPEN.plusSeconds(30)), "youssef");
        Shift aminaClosed = shifts.close(amina.id(), OPEN.plusSeconds(40), "Amina", null);
        // unnamed, after Amina closed: Youssef's is now the oldest open one at T1
        sales.insert(TakingsStoreTest.sale("N2", Operator.ORANGE, 2000, SaleState.ACCEPTED, 3, 1870,
                OPEN.plusSeconds(50)), null);
        Shift youssefClosed = shifts.close(youssef.id(), OPEN.plusSeconds(60), "Youssef", null);

        assertThat(aminaClosed.report().sales()).isEqualTo(1);
        assertThat(aminaClosed.report().expectedCash()).isEqualTo(Money.ofMad(10));
        assertThat(youssefClosed.report().sales()).isEqualTo(2);
        assertThat(youssefClosed.report().expectedCash()).isEqualTo(Money.ofMad(50));
    }

    @Test
    void aClosedShiftIsNeverChangedEvenInSql() {
        Shift s = shifts.open("Amina", "T1", ACCOUNT, OPEN);
        shifts.close(s.id(), OPEN.plusSeconds(60), "Amina", null);

        assertThatThrownBy(() -> exec("UPDATE shifts SET counted_centimes = 1 WHERE id = " + s.id()))
                .hasMessageContaining("a closed shift is never changed");
        assertThatThrownBy(() -> exec("DELETE FROM shifts WHERE id = " + s.id()))
                .hasMessageContaining("a closed shift is never changed");
        assertThat(shifts.find(s.id()).orElseThrow().report().countedCash()).isNull();
    }

    @Test
    void theListIsSearchableByCashier() {
        shifts.close(shifts.open("Amina", "T1", ACCOUNT, OPEN).id(), OPEN.plusSeconds(60), "Amina", null);
        shifts.open("Youssef", "T1", ACCOUNT, OPEN.plusSeconds(120));
        assertThat(shifts.list(null, 10)).extracting(Shift::cashier).containsExactly("Youssef", "Amina");
        assertThat(shifts.list("amI", 10)).extracting(Shift::cashier).containsExactly("Amina");
        assertThat(shifts.list("100%", 10)).isEmpty();
    }

    private void exec(String sql) {
        db.write(c -> {
            try (Statement st = c.createStatement()) {
                return st.executeUpdate(sql);
            }
        });
    }
}
