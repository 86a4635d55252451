package ma.hanout.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;

import ma.hanout.domain.ReceivedPayment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PaymentStoreTest {
    @TempDir
    Path dir;

    private static ReceivedPayment payment(String id, String amount, long at) {
        return new ReceivedPayment(id, "fedapay", "transaction.approved", amount == null ? null : new BigDecimal(amount),
                "XOF", "TX-" + id, "approved", Instant.ofEpochMilli(at), "{\"id\":\"" + id + "\"}");
    }

    @Test
    void keepsEveryFieldAndEachRelayEventOnce() {
        try (Database db = Database.open(dir.resolve("h.db"))) {
            PaymentStore store = new PaymentStore(db);
            assertThat(store.record(payment("7", "1500.25", 1_000))).isTrue();
            assertThat(store.record(payment("7", "1500.25", 1_000))).isFalse();
            assertThat(store.record(payment("8", null, 2_000))).isTrue();
        }
        try (Database db = Database.open(dir.resolve("h.db"))) {
            var all = new PaymentStore(db).recent(10);
            assertThat(all).hasSize(2);
            assertThat(all.get(0).streamId()).isEqualTo("8");
            assertThat(all.get(0).amount()).isNull();
            assertThat(all.get(1)).isEqualTo(payment("7", "1500.25", 1_000));
        }
    }

    @Test
    void aVersionOneFileGainsThePaymentsTable() throws Exception {
        Path file = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            Schema.upgrade(c, 0, 1);
            st.execute("PRAGMA user_version = 1");
        }
        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isEqualTo(Schema.LATEST);
            assertThat(new PaymentStore(db).record(payment("1", "10", 1))).isTrue();
        }
    }
}
