package ma.hanout.store;

import static ma.hanout.store.Sql.bind;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code receipt_prints} table: every receipt printed or written, with its copy number, and the
 * matching line of the audit log written in the same transaction (who reprinted what, when).
 */
public final class ReceiptPrintStore {
    private final Database db;
    private final AuditStore audit;

    public ReceiptPrintStore(Database db) {
        this.db = db;
        this.audit = new AuditStore(db);
    }

    /** One print, as recorded. */
    public record ReceiptPrint(long id, String externalReference, String kind, int copy, String actor, Instant at,
            String target, String format, boolean printed, String error) {
    }

    /** The highest copy number that did print for this sale and kind; 0 when none did. */
    public int lastPrintedCopy(String externalReference, String kind) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT COALESCE(MAX(copy), 0) FROM receipt_prints
                    WHERE external_reference = ? AND kind = ? AND outcome = 'PRINTED'
                    """); ResultSet rs = bind(ps, externalReference, kind).executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /**
     * Records a print and its audit line ({@code receipt.print} for the original, {@code receipt.reprint}
     * for a copy) in one transaction; returns the print's id.
     */
    public long record(String externalReference, String kind, int copy, String actor, Instant at, String target,
            String format, boolean printed, String error) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO receipt_prints (external_reference, kind, copy, actor, at, target, format, outcome, error)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)) {
                bind(ps, externalReference, kind, copy, actor, at.toEpochMilli(), target, format,
                        printed ? "PRINTED" : "FAILED", error).executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT last_insert_rowid()"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            String detail = externalReference + " " + kind.toLowerCase(java.util.Locale.ROOT) + " copy " + copy + " "
                    + format + " to " + target + (printed ? ": printed" : ": failed (" + error + ")");
            audit.append(c, at, actor, copy > 1 ? "receipt.reprint" : "receipt.print", detail);
            return id;
        });
    }

    /** A sale's prints, oldest first. */
    public List<ReceiptPrint> of(String externalReference) {
        return db.read(c -> {
            List<ReceiptPrint> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, external_reference, kind, copy, actor, at, target, format, outcome, error
                    FROM receipt_prints WHERE external_reference = ? ORDER BY at, id
                    """); ResultSet rs = bind(ps, externalReference).executeQuery()) {
                while (rs.next()) {
                    out.add(new ReceiptPrint(rs.getLong("id"), rs.getString("external_reference"), rs.getString("kind"),
                            rs.getInt("copy"), rs.getString("actor"), Sql.instant(rs, "at"), rs.getString("target"),
                            rs.getString("format"), "PRINTED".equals(rs.getString("outcome")), rs.getString("error")));
                }
            }
            return out;
        });
    }
}
