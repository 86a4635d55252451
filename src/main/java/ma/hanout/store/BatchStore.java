package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.OptionalInt;

import ma.hanout.domain.SaleAccount;

/**
 * The {@code batches} table: which CSV files (by fingerprint) were sold on which account, and in
 * how many runs ("generations"). A batch run again continues its latest generation, so what it
 * recorded before is found, not sold again.
 */
public final class BatchStore {
    private final Database db;

    public BatchStore(Database db) {
        this.db = db;
    }

    /** The latest generation of this file on this account, or empty when it was never sold there. */
    public OptionalInt latestGeneration(String fileSha256, SaleAccount account) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT max(generation) FROM batches
                    WHERE file_sha256 = ? AND environment = ? AND account IS ?
                    """); ResultSet rs = bind(ps, fileSha256, account.environment().name(), account.clientCode())
                    .executeQuery()) {
                int g = rs.next() ? rs.getInt(1) : 0;
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(g);
            }
        });
    }

    /** Notes that {@code generation} of this file was started (again, harmlessly, when it was already). */
    public void started(String fileSha256, SaleAccount account, int generation, String fileName, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO batches (file_sha256, environment, account, generation, file_name, started_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (file_sha256, environment, account, generation) DO NOTHING
                    """)) {
                return bind(ps, fileSha256, account.environment().name(), account.clientCode(), generation, fileName,
                        at.toEpochMilli()).executeUpdate();
            }
        });
    }
}
