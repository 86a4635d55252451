package ma.hanout.store;

import ma.hanout.domain.QueuedSale;
import static ma.hanout.store.SaleFixtures.ACCOUNT;
import static ma.hanout.store.SaleFixtures.T0;
import static ma.hanout.store.SaleFixtures.everyFieldChanged;
import static ma.hanout.store.SaleFixtures.everyFieldDistinct;
import static ma.hanout.store.SaleFixtures.in;
import static ma.hanout.store.SaleFixtures.queued;
import static ma.hanout.store.SaleFixtures.withOperator;
import static ma.hanout.store.SaleFixtures.withRefInterne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaleStoreTest {
    @TempDir
    Path dir;

    private Path file;
    private Database db;
    private SaleStore sales;
    private OutboxLedger outbox;
    private SaleSearch search;
    private final List<Database> others = new ArrayList<>();

    @BeforeEach
    void openStore() {
        file = dir.resolve("hanout.db");
        db = Database.open(file);
        sales = new SaleStore(db);
        outbox = new OutboxLedger(db);
        search = new SaleSearch(db);
    }

    @AfterEach
    void closeStore() {
        db.close();
        others.forEach(Database::close);
    }

    private Database openAgain() {
        Database other = Database.open(file);
        others.add(other);
        return other;
    }

    // ---------------------------------------------------------------- round trips

    @Test
    void insertThenFindGivesBackEveryField() {
        Sale sale = everyFieldDistinct("HN-ROUNDTRIP");
        sales.insert(sale, "Fatima");
        assertThat(sales.find("HN-ROUNDTRIP")).contains(sale);
        assertThat(sales.cashierOf("HN-ROUNDTRIP")).contains("Fatima");
    }

    @Test
    void aNewSaleWithItsNullsRoundTrips() {
        Sale sale = queued("HN-NEW", T0);
        sales.insert(sale);
        assertThat(sales.find("HN-NEW")).contains(sale);
        assertThat(sales.cashierOf("HN-NEW")).isEmpty();
        assertThat(outbox.wasSent("HN-NEW")).isFalse();
        assertThat(outbox.isHeld("HN-NEW")).isFalse();
    }

    @Test
    void theSaleIsStillThereAfterReopeningTheFile() {
        Sale sale = everyFieldDistinct("HN-DURABLE");
        sales.insert(sale);
        db.close();
        db = Database.open(file);
        assertThat(new SaleStore(db).find("HN-DURABLE")).contains(sale);
    }

    @Test
    void findOfAnUnknownReferenceIsEmpty() {
        assertThat(sales.find("HN-NONE")).isEmpty();
        assertThat(sales.findByRefInterne("nope")).isEmpty();
        assertThat(sales.findByEitherReference("nope")).isEmpty();
    }

    @Test
    void aDuplicateReferenceIsRefusedAndTheFirstSaleKept() {
        Sale first = queued("HN-DUP", T0);
        sales.insert(first);
        Sale second = queued("HN-DUP", "0712345678", T0.plusSeconds(1));
        assertThatThrownBy(() -> sales.insert(second))
                .isInstanceOfSatisfying(DuplicateSaleException.class,
                        e -> assertThat(e.externalReference()).isEqualTo("HN-DUP"))
                .hasMessageContaining("HN-DUP").hasMessageContaining("already exists");
        assertThat(sales.find("HN-DUP")).contains(first);
    }

    @Test
    void insertAllPutsABatchInTheCallersTransaction() {
        List<Sale> batch = List.of(everyFieldDistinct("HN-B1"), everyFieldChanged("HN-B2"), queued("HN-B3", T0));
        db.write(c -> {
            sales.insertAll(c, batch);
            return null;
        });
        for (Sale s : batch) {
            assertThat(sales.find(s.externalReference())).contains(s);
        }
        assertThatThrownBy(() -> db.write(c -> {
            sales.insertAll(c, List.of(queued("HN-B4", T0), queued("HN-B2", T0)));
            return null;
        })).isInstanceOfSatisfying(DuplicateSaleException.class,
                e -> assertThat(e.externalReference()).isEqualTo("HN-B2"));
        assertThat(sales.find("HN-B4")).as("the whole batch rolled back").isEmpty();
    }

    @Test
    void updateWritesEveryFieldAndLeavesTheBookkeepingAlone() {
        sales.insert(everyFieldDistinct("HN-UPD"), "Fatima");
        outbox.markSent("HN-UPD", T0.plusSeconds(5));
        outbox.setHold("HN-UPD", true);
        outbox.claim("HN-UPD", "worker-1", T0.plusSeconds(60), T0);
        outbox.markChecked("HN-UPD", T0.plusSeconds(7));

        Sale changed = everyFieldChanged("HN-UPD");
        sales.update(changed);

        assertThat(sales.find("HN-UPD")).contains(changed);
        assertThat(sales.cashierOf("HN-UPD")).contains("Fatima");
        assertThat(outbox.wasSent("HN-UPD")).isTrue();
        assertThat(outbox.isHeld("HN-UPD")).isTrue();
        assertThat(outbox.claim("HN-UPD", "worker-2", T0.plusSeconds(90), T0.plusSeconds(1)))
                .as("the lease survived the update").isFalse();
        assertThat(rawLong("checked_at", "HN-UPD")).isEqualTo(T0.plusSeconds(7).toEpochMilli());
        assertThat(rawLong("sent_at", "HN-UPD")).isEqualTo(T0.plusSeconds(5).toEpochMilli());
    }

    @Test
    void updateOfAnUnknownSaleFails() {
        assertThatThrownBy(() -> sales.update(queued("HN-GHOST", T0))).isInstanceOf(StoreException.class)
                .hasMessageContaining("HN-GHOST");
    }

    @Test
    void findsByServerReferenceAndByEither() {
        Sale a = withRefInterne(queued("HN-A", T0), "189957125550360");
        Sale b = withRefInterne(queued("HN-B", T0.plusSeconds(1)), "HN-A"); // a server ref that looks like ours
        sales.insert(a);
        sales.insert(b);
        assertThat(sales.findByRefInterne("189957125550360")).contains(a);
        assertThat(sales.findByEitherReference("189957125550360")).contains(a);
        assertThat(sales.findByEitherReference("HN-B")).contains(b);
        assertThat(sales.findByEitherReference("HN-A")).as("the external reference wins").contains(a);
    }

    // ---------------------------------------------------------------- bookkeeping

    @Test
    void markSentKeepsTheFirstTime() {
        sales.insert(queued("HN-S", T0));
        outbox.markSent("HN-S", T0.plusSeconds(1));
        outbox.markSent("HN-S", T0.plusSeconds(9));
        assertThat(outbox.wasSent("HN-S")).isTrue();
        assertThat(rawLong("sent_at", "HN-S")).isEqualTo(T0.plusSeconds(1).toEpochMilli());
    }

    @Test
    void holdIsSetAndCleared() {
        sales.insert(queued("HN-H", T0));
        outbox.setHold("HN-H", true);
        assertThat(outbox.isHeld("HN-H")).isTrue();
        outbox.setHold("HN-H", false);
        assertThat(outbox.isHeld("HN-H")).isFalse();
    }

    @Test
    void bookkeepingOnAnUnknownSaleFails() {
        assertThatThrownBy(() -> outbox.markSent("HN-X", T0)).isInstanceOf(StoreException.class)
                .hasMessageContaining("No sale with reference HN-X");
        assertThatThrownBy(() -> outbox.setHold("HN-X", true)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> outbox.isHeld("HN-X")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> outbox.wasSent("HN-X")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> outbox.markChecked("HN-X", T0)).isInstanceOf(StoreException.class);
        assertThat(outbox.claim("HN-X", "w", T0.plusSeconds(1), T0)).isFalse();
    }

    @Test
    void aLeaseGoesToOneOwnerUntilItExpiresOrIsReleased() {
        sales.insert(queued("HN-L", T0));
        Instant until = T0.plusSeconds(30);
        assertThat(outbox.claim("HN-L", "a", until, T0)).isTrue();
        assertThat(outbox.claim("HN-L", "b", T0.plusSeconds(60), T0.plusSeconds(10))).isFalse();
        assertThat(outbox.claim("HN-L", "a", T0.plusSeconds(40), T0.plusSeconds(10))).as("renewal").isTrue();
        outbox.release("HN-L", "b"); // not b's to release
        assertThat(outbox.claim("HN-L", "b", T0.plusSeconds(60), T0.plusSeconds(20))).isFalse();
        assertThat(outbox.claim("HN-L", "b", T0.plusSeconds(100), T0.plusSeconds(40))).as("expired").isTrue();
        outbox.release("HN-L", "b");
        assertThat(outbox.claim("HN-L", "a", T0.plusSeconds(100), T0.plusSeconds(41))).as("released").isTrue();
    }

    @Test
    void ofTwoProgramsClaimingAtOnceExactlyOneGetsTheLease() throws Exception {
        OutboxLedger[] stores = {new OutboxLedger(openAgain()), new OutboxLedger(openAgain())};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String ref = "HN-RACE-" + round;
                sales.insert(queued(ref, T0));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Boolean>> claims = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    OutboxLedger s = stores[i];
                    String owner = "terminal-" + i;
                    claims.add(pool.submit(() -> {
                        go.await();
                        return s.claim(ref, owner, T0.plusSeconds(30), T0);
                    }));
                }
                go.countDown();
                int won = 0;
                for (Future<Boolean> f : claims) {
                    won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("round %d", round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- the outbox

    @Test
    void dueForSendIsQueuedOrUncertainNotHeldDueAndUnleasedOldestFirst() {
        Instant now = T0.plusSeconds(3600);
        sales.insert(queued("HN-1-QUEUED", T0.plusSeconds(3)));
        sales.insert(in("HN-2-UNCERTAIN", SaleState.UNCERTAIN, null, T0.plusSeconds(1)));
        sales.insert(in("HN-3-SENDING", SaleState.SENDING, null, T0));
        sales.insert(in("HN-4-ACCEPTED", SaleState.ACCEPTED, 1, T0));
        sales.insert(in("HN-5-REJECTED", SaleState.REJECTED, null, T0));
        sales.insert(in("HN-6-CANCELLED", SaleState.CANCELLED, null, T0));
        sales.insert(queued("HN-7-HELD", T0));
        outbox.setHold("HN-7-HELD", true);
        sales.insert(queued("HN-8-LATER", T0).withAttempt(1, now.plusSeconds(1), T0));
        sales.insert(queued("HN-9-DUE-NOW", T0.plusSeconds(2)).withAttempt(1, now, T0));
        sales.insert(queued("HN-10-LEASED", T0));
        outbox.claim("HN-10-LEASED", "other", now.plusSeconds(1), now);
        sales.insert(queued("HN-11-LEASE-EXPIRED", T0.plusSeconds(4)));
        outbox.claim("HN-11-LEASE-EXPIRED", "other", now, T0);

        assertThat(outbox.dueForSend(ACCOUNT, now, 10)).extracting(Sale::externalReference)
                .containsExactly("HN-2-UNCERTAIN", "HN-9-DUE-NOW", "HN-1-QUEUED", "HN-11-LEASE-EXPIRED");
        assertThat(outbox.dueForSend(ACCOUNT, now, 2)).extracting(Sale::externalReference)
                .containsExactly("HN-2-UNCERTAIN", "HN-9-DUE-NOW");
    }

    @Test
    void unsettledListsQueuedSendingAndUncertainWithTheirFlags() {
        sales.insert(queued("HN-Q", T0.plusSeconds(2)));
        sales.insert(in("HN-S", SaleState.SENDING, null, T0.plusSeconds(1)));
        outbox.markSent("HN-S", T0.plusSeconds(1));
        sales.insert(in("HN-U", SaleState.UNCERTAIN, null, T0.plusSeconds(3)));
        outbox.setHold("HN-U", true);
        sales.insert(in("HN-A", SaleState.ACCEPTED, 3, T0));
        sales.insert(in("HN-C", SaleState.CANCELLED, null, T0));

        List<QueuedSale> unsettled = outbox.unsettled(ACCOUNT);
        assertThat(unsettled).extracting(q -> q.sale().externalReference()).containsExactly("HN-S", "HN-Q", "HN-U");
        assertThat(unsettled).extracting(QueuedSale::held).containsExactly(false, false, true);
        assertThat(unsettled).extracting(QueuedSale::sent).containsExactly(true, false, false);
    }

    @Test
    void watchListIsAcceptedSalesNotFinalYetLeastRecentlyCheckedThenNewestFirst() {
        Set<Integer> finals = Set.of(3, 4, 11);
        sales.insert(in("HN-NO-STATUS", SaleState.ACCEPTED, null, T0.plusSeconds(1)));
        sales.insert(in("HN-PENDING", SaleState.ACCEPTED, 2, T0.plusSeconds(2)));
        sales.insert(in("HN-SECOND-TRY", SaleState.ACCEPTED, 22, T0.plusSeconds(3)));
        sales.insert(in("HN-DONE", SaleState.ACCEPTED, 3, T0.plusSeconds(4)));
        sales.insert(in("HN-REFUNDED", SaleState.ACCEPTED, 11, T0.plusSeconds(5)));
        sales.insert(in("HN-QUEUED", SaleState.QUEUED, null, T0.plusSeconds(6)));
        sales.insert(in("HN-TOO-OLD", SaleState.ACCEPTED, 2, T0.minusSeconds(1)));
        sales.insert(in("HN-NEWEST", SaleState.ACCEPTED, 1, T0.plusSeconds(7)));
        outbox.markChecked("HN-NO-STATUS", T0.plusSeconds(100));
        outbox.markChecked("HN-PENDING", T0.plusSeconds(50));

        assertThat(outbox.watchList(ACCOUNT, finals, T0, 10)).extracting(Sale::externalReference)
                .containsExactly("HN-NEWEST", "HN-SECOND-TRY", "HN-PENDING", "HN-NO-STATUS");
        // among the never checked, the newest first: it is the one a cashier waits on
        assertThat(outbox.watchList(ACCOUNT, finals, T0, 1)).extracting(Sale::externalReference).containsExactly("HN-NEWEST");
        assertThat(outbox.watchList(ACCOUNT, Set.of(), T0, 10)).hasSize(6);
    }

    @Test
    void lastOperatorPrefersTheLastDeliveredSale() {
        Phone phone = Phone.parse("0612345678");
        assertThat(search.lastOperatorFor(phone)).isEmpty();
        sales.insert(withOperator(in("HN-1", SaleState.ACCEPTED, 3, T0), Operator.ORANGE));
        sales.insert(withOperator(in("HN-2", SaleState.ACCEPTED, 4, T0.plusSeconds(1)), Operator.MAROC_TELECOM));
        sales.insert(queued("HN-OTHER", "0699999999", T0.plusSeconds(2)));
        assertThat(search.lastOperatorFor(phone)).as("delivered beats failed").contains(Operator.ORANGE);
        sales.insert(withOperator(in("HN-3", SaleState.ACCEPTED, 19, T0.plusSeconds(3)), Operator.INWI));
        assertThat(search.lastOperatorFor(phone)).contains(Operator.INWI);
        assertThat(search.lastOperatorFor(Phone.parse("0699999999"))).as("no delivered: the last one")
                .contains(Operator.INWI);
    }

    @Test
    void recentIsNewestFirst() {
        for (int i = 0; i < 5; i++) {
            sales.insert(queued("HN-" + i, T0.plusSeconds(i)));
        }
        assertThat(search.recent(3)).extracting(Sale::externalReference).containsExactly("HN-4", "HN-3", "HN-2");
        assertThatThrownBy(() -> search.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------- atomic with the timeline

    @Test
    void updateAndEventCommitTogetherOrNotAtAll() {
        SaleEventStore events = new SaleEventStore(db);
        Sale sale = queued("HN-ATOMIC", T0);
        sales.insert(sale);
        Sale sending = sale.withState(SaleState.SENDING, T0.plusSeconds(1));
        assertThatThrownBy(() -> db.write(c -> {
            sales.update(c, sending);
            events.append(c, new ma.hanout.domain.SaleEvent("HN-ATOMIC", T0.plusSeconds(1), SaleState.SENDING, null,
                    "send", null));
            throw new IllegalStateException("crash between the two");
        })).hasMessageContaining("crash");
        assertThat(sales.find("HN-ATOMIC")).contains(sale);
        assertThat(events.timeline("HN-ATOMIC")).isEmpty();

        db.write(c -> {
            sales.update(c, sending);
            outbox.markSent(c, "HN-ATOMIC", T0.plusSeconds(1));
            events.append(c, new ma.hanout.domain.SaleEvent("HN-ATOMIC", T0.plusSeconds(1), SaleState.SENDING, null,
                    "send", null));
            return null;
        });
        assertThat(sales.find("HN-ATOMIC")).contains(sending);
        assertThat(outbox.wasSent("HN-ATOMIC")).isTrue();
        assertThat(events.timeline("HN-ATOMIC")).hasSize(1);
    }

    // ---------------------------------------------------------------- rows the code cannot read

    @Test
    void aRowWithAnUnknownStateGivesAClearError() {
        sales.insert(queued("HN-BAD", T0));
        corrupt("UPDATE sales SET state = 'LOST' WHERE external_reference = 'HN-BAD'");
        assertThatThrownBy(() -> sales.find("HN-BAD")).isInstanceOf(StoreException.class)
                .hasMessageContaining("HN-BAD").hasMessageContaining("unknown state 'LOST'");
    }

    @Test
    void aRowWithAnUnknownOperatorOrABadPhoneGivesAClearError() {
        sales.insert(queued("HN-OP", T0));
        sales.insert(queued("HN-PH", T0));
        corrupt("UPDATE sales SET operator = 'Vodafone' WHERE external_reference = 'HN-OP'");
        corrupt("UPDATE sales SET phone = '0512345678' WHERE external_reference = 'HN-PH'");
        assertThatThrownBy(() -> sales.find("HN-OP")).isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown operator 'Vodafone'");
        assertThatThrownBy(() -> sales.find("HN-PH")).isInstanceOf(StoreException.class)
                .hasMessageContaining("HN-PH").hasMessageContaining("0512345678");
    }

    @Test
    void theSchemaRefusesAnUnknownState() {
        assertThatThrownBy(() -> db.write(c -> DatabaseTest.exec(c, """
                INSERT INTO sales (external_reference, phone, operator, value_centimes, promo, state, origin,
                                   created_at, updated_at)
                VALUES ('HN-X', '0612345678', 'Inwi', 1000, 0, 'LOST', 'COUNTER', 0, 0)""")))
                .isInstanceOf(StoreException.class).hasMessageContaining("CHECK");
    }

    private void corrupt(String sql) {
        // what a newer version or a hand edit could leave: bypass the CHECK constraints
        db.write(c -> {
            DatabaseTest.exec(c, "PRAGMA ignore_check_constraints = ON");
            DatabaseTest.exec(c, sql);
            DatabaseTest.exec(c, "PRAGMA ignore_check_constraints = OFF");
            return null;
        });
    }

    private long rawLong(String column, String ref) {
        return Long.parseLong(DatabaseTest.value(db,
                "SELECT " + column + " FROM sales WHERE external_reference = '" + ref + "'"));
    }
}
