package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.T0;
import static ma.hanout.store.SaleFixtures.queued;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.SaleEvent;
import ma.hanout.domain.SaleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaleEventStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private SaleStore sales;
    private SaleEventStore events;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        sales = new SaleStore(db);
        events = new SaleEventStore(db);
        sales.insert(queued("HN-1", T0));
        sales.insert(queued("HN-2", T0));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyFieldRoundTripsIncludingTheNullOnes() {
        SaleEvent full = new SaleEvent("HN-1", T0.plusMillis(5), SaleState.ACCEPTED, RechargeStatus.of(22), "relay",
                "event 7f3a, status 2 -> 22");
        SaleEvent bare = new SaleEvent("HN-1", T0.plusMillis(6), null, null, "poll", null);
        long first = events.append(full);
        long second = events.append(bare);
        assertThat(second).isGreaterThan(first);
        assertThat(events.timeline("HN-1")).containsExactly(full, bare);
    }

    @Test
    void theTimelineIsInTimeOrderThenInTheOrderRecorded() {
        SaleEvent late = new SaleEvent("HN-1", T0.plusSeconds(10), null, RechargeStatus.of(3), "poll", null);
        SaleEvent early = new SaleEvent("HN-1", T0.plusSeconds(1), SaleState.SENDING, null, "send", null);
        SaleEvent sameTimeA = new SaleEvent("HN-1", T0.plusSeconds(5), null, RechargeStatus.of(1), "relay", "a");
        SaleEvent sameTimeB = new SaleEvent("HN-1", T0.plusSeconds(5), null, RechargeStatus.of(2), "relay", "b");
        SaleEvent otherSale = new SaleEvent("HN-2", T0, SaleState.QUEUED, null, "counter", null);
        events.append(late);
        events.append(otherSale);
        events.append(sameTimeA);
        events.append(early);
        events.append(sameTimeB);
        assertThat(events.timeline("HN-1")).containsExactly(early, sameTimeA, sameTimeB, late);
        assertThat(events.timeline("HN-2")).containsExactly(otherSale);
        assertThat(events.timeline("HN-NONE")).isEmpty();
    }

    @Test
    void anEventForAnUnknownSaleIsRefusedClearly() {
        assertThatThrownBy(() -> events.append(new SaleEvent("HN-GHOST", T0, null, null, "relay", null)))
                .isInstanceOf(StoreException.class).hasMessageContaining("No sale with reference HN-GHOST");
    }

    @Test
    void eventsGoWithTheirSale() {
        events.append(new SaleEvent("HN-1", T0, SaleState.QUEUED, null, "counter", null));
        events.append(new SaleEvent("HN-2", T0, SaleState.QUEUED, null, "counter", null));
        db.write(c -> DatabaseTest.exec(c, "DELETE FROM sales WHERE external_reference = 'HN-1'"));
        assertThat(events.timeline("HN-1")).isEmpty();
        assertThat(events.timeline("HN-2")).hasSize(1);
    }

    @Test
    void eventsSurviveReopening() {
        SaleEvent e = new SaleEvent("HN-1", T0, SaleState.QUEUED, null, "counter", "Fatima");
        events.append(e);
        db.close();
        db = Database.open(dir.resolve("hanout.db"));
        assertThat(new SaleEventStore(db).timeline("HN-1")).containsExactly(e);
    }

    @Test
    void anUnknownStateInARowIsAClearError() {
        events.append(new SaleEvent("HN-1", T0, SaleState.QUEUED, null, "counter", null));
        db.write(c -> {
            DatabaseTest.exec(c, "PRAGMA ignore_check_constraints = ON");
            DatabaseTest.exec(c, "UPDATE sale_events SET state = 'LOST'");
            return DatabaseTest.exec(c, "PRAGMA ignore_check_constraints = OFF");
        });
        assertThatThrownBy(() -> events.timeline("HN-1")).isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown state 'LOST'");
    }

    @Test
    void anEventNeedsASource() {
        assertThatThrownBy(() -> new SaleEvent("HN-1", T0, null, null, " ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
