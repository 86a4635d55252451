package ma.hanout.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The database's shape, versioned in {@code PRAGMA user_version}. {@link Database} runs
 * {@link #upgrade} in one {@code BEGIN IMMEDIATE} transaction, so a crash half-way leaves the
 * previous version and two programs opening the file at once upgrade it once.
 *
 * <p>To change the schema: add a step to {@link #steps()} under the next version number and raise
 * {@link #LATEST} to it. Never edit a step that has shipped: files out there already ran it.
 */
final class Schema {
    /** The version this build writes. */
    static final int LATEST = 11;

    private Schema() {
    }

    static void upgrade(Connection c, int from) throws SQLException {
        upgrade(c, from, LATEST);
    }

    /** Runs the steps after {@code from} up to {@code to} (tests build files of older versions with it). */
    static void upgrade(Connection c, int from, int to) throws SQLException {
        for (Map.Entry<Integer, List<String>> step : steps().entrySet()) {
            if (step.getKey() > from && step.getKey() <= to) {
                run(c, step.getValue());
            }
        }
    }

    /** Each version's statements, by version. */
    private static SortedMap<Integer, List<String>> steps() {
        return new TreeMap<>(Map.of(1, V1, 2, V2, 3, V3, 7, V7, 8, V8, 10, V10, 11, V11));
    }

    private static void run(Connection c, List<String> statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.executeUpdate(sql);
            }
        }
    }

    /*
     * Times are epoch milliseconds (INTEGER), money is centimes (INTEGER), margins are exact
     * decimals (TEXT). STRICT: a value of the wrong type is refused instead of stored.
     */
    private static final List<String> V1 = List.of(
            """
            CREATE TABLE sales (
                external_reference TEXT PRIMARY KEY,
                phone              TEXT NOT NULL,
                operator           TEXT NOT NULL,
                value_centimes     INTEGER NOT NULL,
                promo              INTEGER NOT NULL,
                state              TEXT NOT NULL
                    CHECK (state IN ('QUEUED', 'SENDING', 'UNCERTAIN', 'ACCEPTED', 'REJECTED', 'CANCELLED')),
                status_code        INTEGER,
                ref_interne        TEXT,
                billing_centimes   INTEGER,
                error_code         TEXT,
                error_message      TEXT,
                origin             TEXT NOT NULL,
                attempts           INTEGER NOT NULL DEFAULT 0,
                next_attempt_at    INTEGER,
                created_at         INTEGER NOT NULL,
                updated_at         INTEGER NOT NULL,
                executed_at        INTEGER,
                sent_at            INTEGER,
                hold               INTEGER NOT NULL DEFAULT 0 CHECK (hold IN (0, 1)),
                lease_owner        TEXT,
                lease_until        INTEGER,
                cashier            TEXT,
                checked_at         INTEGER,
                approved_at        INTEGER
            ) STRICT
            """,
            // every history index ends in created_at (and, implicitly, rowid): the newest-first
            // keyset order comes straight from the index, with no sort
            "CREATE INDEX sales_by_phone ON sales (phone, created_at)",
            "CREATE INDEX sales_by_date ON sales (created_at)",
            "CREATE INDEX sales_by_ref_interne ON sales (ref_interne)",
            "CREATE INDEX sales_by_operator ON sales (operator, created_at)",
            "CREATE INDEX sales_by_status ON sales (status_code, created_at)",
            // small: only what the engine still has to settle. A query uses it only when it repeats
            // this exact term (SaleStore.UNSETTLED), SQLite's rule for partial indexes.
            """
            CREATE INDEX sales_unsettled ON sales (state, created_at)
                WHERE state IN ('QUEUED', 'SENDING', 'UNCERTAIN')
            """,
            """
            CREATE TABLE sale_events (
                id                 INTEGER PRIMARY KEY,
                external_reference TEXT NOT NULL REFERENCES sales (external_reference) ON DELETE CASCADE,
                at                 INTEGER NOT NULL,
                state              TEXT
                    CHECK (state IN ('QUEUED', 'SENDING', 'UNCERTAIN', 'ACCEPTED', 'REJECTED', 'CANCELLED')),
                status_code        INTEGER,
                source             TEXT NOT NULL,
                detail             TEXT
            ) STRICT
            """,
            "CREATE INDEX sale_events_by_sale ON sale_events (external_reference, at)",
            """
            CREATE TABLE prices (
                operator       TEXT PRIMARY KEY,
                margin_percent TEXT NOT NULL,
                fetched_at     INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE balance_snapshots (
                id                    INTEGER PRIMARY KEY,
                at                    INTEGER NOT NULL,
                balance_centimes      INTEGER NOT NULL,
                credit_limit_centimes INTEGER,
                currency              TEXT NOT NULL,
                source                TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX balance_snapshots_by_time ON balance_snapshots (at)",
            """
            CREATE TABLE settings (
                key   TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE users (
                id             INTEGER PRIMARY KEY,
                name           TEXT NOT NULL UNIQUE COLLATE NOCASE,
                role           TEXT NOT NULL CHECK (role IN ('OWNER', 'CASHIER', 'STAFF')),
                active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
                pin_hash       BLOB NOT NULL,
                pin_salt       BLOB NOT NULL,
                pin_iterations INTEGER NOT NULL,
                created_at     INTEGER NOT NULL
            ) STRICT
            """,
            """
            CREATE TABLE audit_log (
                id     INTEGER PRIMARY KEY,
                at     INTEGER NOT NULL,
                actor  TEXT NOT NULL,
                action TEXT NOT NULL,
                detail TEXT
            ) STRICT
            """,
            "CREATE INDEX audit_log_by_time ON audit_log (at)");

    /** Payment notifications relayed from Tiqopay, FedaPay and the IPN provider ("payments received"). */
    private static final List<String> V2 = List.of(
            """
            CREATE TABLE payments (
                id          INTEGER PRIMARY KEY,
                stream_id   TEXT NOT NULL UNIQUE,
                source      TEXT NOT NULL,
                type        TEXT NOT NULL,
                amount      TEXT,
                currency    TEXT,
                reference   TEXT,
                status      TEXT,
                received_at INTEGER NOT NULL,
                payload     TEXT NOT NULL
            ) STRICT
            """,
            "CREATE INDEX payments_by_time ON payments (received_at)");

    /*
     * The account each sale was made on, so that an engine sends, polls and reconciles only its
     * own account's sales and a demo or sandbox sale is never taken for a real one. Sales recorded
     * before this step get the best guess from what the folder holds: a sandbox reference
     * ({@code SBX-}) is sandbox; with no saved API base URL the folder ran in demo mode (the only
     * way to sell without flags); else the saved environment. Their client code is the saved one
     * (demo: the simulator's), or NULL when none is saved: such a sale belongs to whichever
     * account of its environment opens the folder, as every sale did before.
     */
    private static final List<String> V3 = List.of(
            """
            ALTER TABLE sales ADD COLUMN environment TEXT NOT NULL DEFAULT 'PRODUCTION'
                CHECK (environment IN ('PRODUCTION', 'SANDBOX', 'DEMO'))
            """,
            "ALTER TABLE sales ADD COLUMN account TEXT",
            """
            UPDATE sales SET environment = CASE
                WHEN ref_interne LIKE 'SBX-%' THEN 'SANDBOX'
                WHEN NOT EXISTS (SELECT 1 FROM settings WHERE key = 'api.base_url') THEN 'DEMO'
                WHEN (SELECT value FROM settings WHERE key = 'api.environment') = 'sandbox' THEN 'SANDBOX'
                ELSE 'PRODUCTION' END
            """,
            """
            UPDATE sales SET account = CASE environment
                WHEN 'DEMO' THEN 'API-DEMO-0001'
                ELSE (SELECT value FROM settings WHERE key = 'api.client_code') END
            """);

    /*
     * CSV batches already run, so that the same file run again sells nothing twice: each line's
     * external reference is derived from the file's fingerprint, the account and the generation
     * (0 for the first run; `--again` starts the next one).
     */
    private static final List<String> V7 = List.of(
            """
            CREATE TABLE batches (
                id            INTEGER PRIMARY KEY,
                file_sha256   TEXT NOT NULL,
                environment   TEXT NOT NULL,
                account       TEXT,
                generation    INTEGER NOT NULL CHECK (generation >= 0),
                file_name     TEXT NOT NULL,
                started_at    INTEGER NOT NULL,
                UNIQUE (file_sha256, environment, account, generation)
            ) STRICT
            """);

    /*
     * Going live. DESIGN knows two roles, cashier and owner: the early STAFF role (find and
     * reprint) is what a cashier does, so STAFF users become cashiers (the CHECK of V1 still
     * lists STAFF; SQLite cannot change a CHECK without rebuilding the table, and nothing writes
     * it any more). The PIN pad's wrong tries are kept on disk so that closing the app does not
     * clear a lockout: one row per user name tried (lower case), plus '*' for the pad as a whole.
     */
    private static final List<String> V8 = List.of(
            "UPDATE users SET role = 'CASHIER' WHERE role = 'STAFF'",
            """
            CREATE TABLE pin_attempts (
                scope        TEXT PRIMARY KEY,
                failures     INTEGER NOT NULL CHECK (failures >= 0),
                locked_until INTEGER NOT NULL
            ) STRICT
            """);

    /*
     * The owner's office (step 10; touches only its own tables and triggers, so it is right
     * whichever of steps 8 and 9 ran before it).
     *
     * takings_hourly: per account, UTC hour and operator, the counts and sums of the sales made in
     * that hour, kept by triggers in the same transaction as every change of a sale, so takings over
     * a year of a busy counter read a few thousand rows instead of a million sales. A sale counts by
     * its created_at, in the class its state and status give it now (TakingsClass in SQL):
     * success = accepted with 3, 19, 20; failed = rejected, or accepted with 4-10, 12; refunded = 11;
     * pending = not settled yet (queued, sending, uncertain, accepted with a pending or unknown
     * code); a cancelled sale is in no class. Morocco's offsets are whole hours, so local days are
     * unions of UTC hours. takings_daily holds the same per UTC day, so a period of months reads
     * its whole days there and only its two ends from takings_hourly.
     *
     * shifts: one open shift per cashier and terminal (a partial unique index); closing writes its
     * report into the row, after which triggers refuse any change or deletion.
     */
    private static final String SUCCESS = "s.state = 'ACCEPTED' AND s.status_code IN (3, 19, 20)";
    private static final String FAILED = "(s.state = 'REJECTED' OR (s.state = 'ACCEPTED' AND s.status_code IN (4, 5, 6, 7, 8, 9, 10, 12)))";
    private static final String REFUNDED = "s.state = 'ACCEPTED' AND s.status_code = 11";
    private static final String PENDING = "(s.state IN ('QUEUED', 'SENDING', 'UNCERTAIN') OR (s.state = 'ACCEPTED'"
            + " AND (s.status_code IS NULL OR s.status_code NOT IN (3, 19, 20, 4, 5, 6, 7, 8, 9, 10, 12, 11))))";

    /**
     * Adds ({@code sign} "+") or takes away ("-") the sale named {@code row} (new/old) from its hour
     * and from its UTC day: long periods read whole days, their two ends hours.
     */
    private static List<String> takingsChange(String row, String sign) {
        List<String> out = new java.util.ArrayList<>();
        for (String[] t : new String[][] {{"takings_hourly", "hour", "3600000"}, {"takings_daily", "day", "86400000"}}) {
            String insert = "INSERT OR IGNORE INTO " + t[0] + " (environment, account_key, " + t[1] + ", operator)"
                    + " VALUES (s.environment, coalesce(s.account, ''), s.created_at / " + t[2] + ", s.operator)";
            String update = "UPDATE " + t[0] + " SET"
                    + " successes = successes SIGN (CASE WHEN " + SUCCESS + " THEN 1 ELSE 0 END),"
                    + " face_centimes = face_centimes SIGN (CASE WHEN " + SUCCESS + " THEN s.value_centimes ELSE 0 END),"
                    + " billed_centimes = billed_centimes SIGN (CASE WHEN " + SUCCESS
                    + " THEN coalesce(s.billing_centimes, 0) ELSE 0 END),"
                    + " failures = failures SIGN (CASE WHEN " + FAILED + " THEN 1 ELSE 0 END),"
                    + " refunds = refunds SIGN (CASE WHEN " + REFUNDED + " THEN 1 ELSE 0 END),"
                    + " pending = pending SIGN (CASE WHEN " + PENDING + " THEN 1 ELSE 0 END)"
                    + " WHERE environment = s.environment AND account_key = coalesce(s.account, '')"
                    + " AND " + t[1] + " = s.created_at / " + t[2] + " AND operator = s.operator";
            out.add((insert + ";").replace("s.", row + "."));
            out.add((update.replace("SIGN", sign) + ";").replace("s.", row + "."));
        }
        return out;
    }

    private static String takingsTrigger(String name, String event, String when, List<String> body) {
        return "CREATE TRIGGER " + name + " AFTER " + event + " ON sales" + (when == null ? "" : " WHEN " + when)
                + " BEGIN " + String.join(" ", body) + " END";
    }

    private static final String TAKINGS_COLUMNS_CHANGED = String.join(" OR ",
            "old.state IS NOT new.state", "old.status_code IS NOT new.status_code",
            "old.billing_centimes IS NOT new.billing_centimes", "old.value_centimes IS NOT new.value_centimes",
            "old.operator IS NOT new.operator", "old.created_at IS NOT new.created_at",
            "old.environment IS NOT new.environment", "old.account IS NOT new.account");

    private static final List<String> V10 = List.of(
            """
            CREATE TABLE takings_hourly (
                environment     TEXT NOT NULL,
                account_key     TEXT NOT NULL,
                hour            INTEGER NOT NULL,
                operator        TEXT NOT NULL,
                successes       INTEGER NOT NULL DEFAULT 0,
                face_centimes   INTEGER NOT NULL DEFAULT 0,
                billed_centimes INTEGER NOT NULL DEFAULT 0,
                failures        INTEGER NOT NULL DEFAULT 0,
                refunds         INTEGER NOT NULL DEFAULT 0,
                pending         INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (environment, account_key, hour, operator)
            ) STRICT, WITHOUT ROWID
            """,
            ("INSERT INTO takings_hourly SELECT s.environment, coalesce(s.account, ''), s.created_at / 3600000,"
                    + " s.operator, sum(CASE WHEN " + SUCCESS + " THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN " + SUCCESS + " THEN s.value_centimes ELSE 0 END),"
                    + " sum(CASE WHEN " + SUCCESS + " THEN coalesce(s.billing_centimes, 0) ELSE 0 END),"
                    + " sum(CASE WHEN " + FAILED + " THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN " + REFUNDED + " THEN 1 ELSE 0 END),"
                    + " sum(CASE WHEN " + PENDING + " THEN 1 ELSE 0 END)"
                    + " FROM sales s GROUP BY 1, 2, 3, 4"),
            """
            CREATE TABLE takings_daily (
                environment     TEXT NOT NULL,
                account_key     TEXT NOT NULL,
                day             INTEGER NOT NULL,
                operator        TEXT NOT NULL,
                successes       INTEGER NOT NULL DEFAULT 0,
                face_centimes   INTEGER NOT NULL DEFAULT 0,
                billed_centimes INTEGER NOT NULL DEFAULT 0,
                failures        INTEGER NOT NULL DEFAULT 0,
                refunds         INTEGER NOT NULL DEFAULT 0,
                pending         INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (environment, account_key, day, operator)
            ) STRICT, WITHOUT ROWID
            """,
            """
            INSERT INTO takings_daily SELECT environment, account_key, hour / 24, operator, sum(successes),
                   sum(face_centimes), sum(billed_centimes), sum(failures), sum(refunds), sum(pending)
            FROM takings_hourly GROUP BY 1, 2, 3, 4
            """,
            takingsTrigger("takings_on_insert", "INSERT", null, takingsChange("new", "+")),
            takingsTrigger("takings_on_delete", "DELETE", null, takingsChange("old", "-")),
            takingsTrigger("takings_on_update", "UPDATE", TAKINGS_COLUMNS_CHANGED,
                    java.util.stream.Stream.concat(takingsChange("old", "-").stream(),
                            takingsChange("new", "+").stream()).toList()),
            // a shift's sales are found by cashier and time
            "CREATE INDEX sales_by_cashier ON sales (cashier, created_at)",
            """
            CREATE TABLE shifts (
                id                INTEGER PRIMARY KEY,
                cashier           TEXT NOT NULL,
                terminal          TEXT NOT NULL,
                environment       TEXT NOT NULL,
                account           TEXT,
                opened_at         INTEGER NOT NULL,
                closed_at         INTEGER,
                closed_by         TEXT,
                sales             INTEGER,
                successes         INTEGER,
                failures          INTEGER,
                refunds           INTEGER,
                pending           INTEGER,
                expected_centimes INTEGER,
                counted_centimes  INTEGER,
                CHECK ((closed_at IS NULL) = (expected_centimes IS NULL)),
                CHECK (closed_at IS NOT NULL OR counted_centimes IS NULL)
            ) STRICT
            """,
            "CREATE UNIQUE INDEX shifts_one_open ON shifts (lower(cashier), terminal) WHERE closed_at IS NULL",
            "CREATE INDEX shifts_by_time ON shifts (opened_at)",
            """
            CREATE TRIGGER shifts_closed_never_change BEFORE UPDATE ON shifts WHEN old.closed_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'a closed shift is never changed'); END
            """,
            """
            CREATE TRIGGER shifts_closed_never_deleted BEFORE DELETE ON shifts WHEN old.closed_at IS NOT NULL
            BEGIN SELECT RAISE(ABORT, 'a closed shift is never changed'); END
            """);

    /*
     * Every receipt printed or written (receipt): which sale, which copy (1 the original, 2, 3...
     * the reprints marked DUPLICATA), who, when, where to, and whether the printer took it. A
     * copy's number comes from the copies that did print. Touches only its own table.
     */
    private static final List<String> V11 = List.of(
            """
            CREATE TABLE IF NOT EXISTS receipt_prints (
                id                 INTEGER PRIMARY KEY,
                external_reference TEXT NOT NULL,
                kind               TEXT NOT NULL CHECK (kind IN ('SALE', 'NOT_DELIVERED')),
                copy               INTEGER NOT NULL CHECK (copy >= 1),
                actor              TEXT NOT NULL,
                at                 INTEGER NOT NULL,
                target             TEXT NOT NULL,
                format             TEXT NOT NULL,
                outcome            TEXT NOT NULL CHECK (outcome IN ('PRINTED', 'FAILED')),
                error              TEXT
            ) STRICT
            """,
            "CREATE INDEX IF NOT EXISTS receipt_prints_by_sale ON receipt_prints (external_reference, at)");
}
