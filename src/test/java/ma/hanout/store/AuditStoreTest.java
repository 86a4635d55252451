package ma.hanout.store;

import static ma.hanout.store.SaleFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditStoreTest {
    @TempDir
    Path dir;

    private Database db;
    private AuditStore audit;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("hanout.db"));
        audit = new AuditStore(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void entriesRoundTripNewestFirstAcrossReopening() {
        long first = audit.append(T0, "Fatima", "sale.cancel", "HN-01 queued 10 MAD");
        long second = audit.append(T0.plusSeconds(1), "owner", "settings.change", null);
        long third = audit.append(T0.plusSeconds(2), "system", "user.create", "Youssef (CASHIER)");
        db.close();
        db = Database.open(dir.resolve("hanout.db"));
        audit = new AuditStore(db);
        assertThat(audit.recent(10)).containsExactly(
                new AuditEntry(third, T0.plusSeconds(2), "system", "user.create", "Youssef (CASHIER)"),
                new AuditEntry(second, T0.plusSeconds(1), "owner", "settings.change", null),
                new AuditEntry(first, T0, "Fatima", "sale.cancel", "HN-01 queued 10 MAD"));
        assertThat(audit.recent(1)).extracting(AuditEntry::id).containsExactly(third);
    }

    @Test
    void anEntryCommitsWithTheChangeItRecords() {
        SettingsStore settings = new SettingsStore(db);
        assertThatThrownBy(() -> db.write(c -> {
            settings.put("api.key", "secret");
            audit.append(c, T0, "owner", "settings.change", "api.key");
            throw new IllegalStateException("crash");
        })).hasMessage("crash");
        assertThat(audit.recent(5)).isEmpty();
        assertThat(settings.get("api.key")).isEmpty();
    }

    @Test
    void anEntryNeedsAnActorAndAnAction() {
        assertThatThrownBy(() -> audit.append(T0, " ", "x", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit.append(T0, "a", null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> audit.recent(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
