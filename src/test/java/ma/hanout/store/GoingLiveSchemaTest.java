package ma.hanout.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;

import ma.hanout.domain.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schema step 8: STAFF users become cashiers, and the PIN pad's tries have a table. */
class GoingLiveSchemaTest {
    @TempDir
    Path dir;

    @Test
    void staffBecomesCashierAndOwnersStayOwners() throws Exception {
        Path file = dir.resolve("v7.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            Schema.upgrade(c, 0, 7);
            st.execute("PRAGMA user_version = 7");
            st.execute("INSERT INTO users (name, role, pin_hash, pin_salt, pin_iterations, created_at)"
                    + " VALUES ('Karim', 'STAFF', x'00', x'00', 1, 1), ('Fatima', 'OWNER', x'00', x'00', 1, 1)");
        }
        try (Database db = Database.open(file)) {
            assertThat(db.schemaVersion()).isGreaterThanOrEqualTo(8);
            UserStore users = new UserStore(db, Clock.systemUTC());
            assertThat(users.find("Karim").orElseThrow().role()).isEqualTo(Role.CASHIER);
            assertThat(users.find("Fatima").orElseThrow().role()).isEqualTo(Role.OWNER);
            assertThat(DatabaseTest.value(db, "SELECT count(*) FROM pin_attempts")).isEqualTo("0");
        }
    }
}
