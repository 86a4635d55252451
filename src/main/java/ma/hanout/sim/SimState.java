package ma.hanout.sim;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;

/**
 * The simulator's state in a JSON file, for the desktop's demo mode: the embedded simulator
 * remembers its account and recharges across restarts, so a sale made yesterday in demo mode is
 * still found by reference today and the balance does not jump back. Saved at most once a second
 * when something changed, and on close; written to a temporary file and moved into place, so a
 * crash leaves the previous state, never half a file. Recharges still in progress when the
 * simulator stopped resume their scenario where they were.
 */
final class SimState {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private final Path file;
    private final Account account;
    private final RechargeBook production;
    private final RechargeBook sandbox;
    private long savedFingerprint = Long.MIN_VALUE;

    SimState(Path file, Account account, RechargeBook production, RechargeBook sandbox) {
        this.file = file;
        this.account = account;
        this.production = production;
        this.sandbox = sandbox;
    }

    // --- the file's shape ---------------------------------------------------------------------

    record AccountData(String status, BigDecimal balance, BigDecimal creditLimit, BigDecimal dailyLimit, String day,
            BigDecimal spentToday, String ipWhitelist, String webhookUrl) {
    }

    record Change(int code, String at) {
    }

    record RechargeData(String environment, String refInterne, String externalReference, String phone,
            String operator, BigDecimal value, String type, BigDecimal billingAmount, String createdAt,
            String createdOn, String fault, List<Change> timeline) {
    }

    record Data(int version, AccountData account, List<RechargeData> recharges) {
    }

    // --- restore --------------------------------------------------------------------------------

    /** Loads the file when it exists; recharges still in progress resume through {@code progression}. */
    void restore(StatusProgression progression) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        Data data;
        try {
            data = JSON.readValue(file.toFile(), Data.class);
        } catch (IOException e) {
            throw new IOException("cannot read the simulator's state file " + file + ": " + e.getMessage(), e);
        }
        if (data.account() != null) {
            AccountData a = data.account();
            account.restore(Account.Status.fromWire(a.status()), Money.ofMad(a.balance()), Money.ofMad(a.creditLimit()),
                    a.dailyLimit() == null ? null : Money.ofMad(a.dailyLimit()),
                    a.day() == null ? null : LocalDate.parse(a.day()),
                    a.spentToday() == null ? Money.ZERO : Money.ofMad(a.spentToday()),
                    IpWhitelist.parse(a.ipWhitelist() == null ? "" : a.ipWhitelist()), a.webhookUrl());
        }
        for (RechargeData r : data.recharges() == null ? List.<RechargeData>of() : data.recharges()) {
            Environment env = Environment.valueOf(r.environment());
            RechargeOrder order = new RechargeOrder(Phone.parse(r.phone()), Operator.fromWire(r.operator()).orElseThrow(),
                    Money.ofMad(r.value()), r.type(), r.externalReference());
            List<Change> timeline = r.timeline() == null || r.timeline().isEmpty()
                    ? List.of(new Change(Scenario.QUEUED, r.createdAt())) : r.timeline();
            RechargeRecord rec = new RechargeRecord(r.refInterne(), order, Money.ofMad(r.billingAmount()),
                    Instant.parse(r.createdAt()), LocalDate.parse(r.createdOn()), env, r.fault());
            for (Change c : timeline.subList(1, timeline.size())) {
                rec.moveTo(c.code(), Instant.parse(c.at()));
            }
            (env == Environment.PRODUCTION ? production : sandbox).add(rec);
            Scenario scenario = Scenario.forPhone(order.phone());
            int applied = timeline.size() - 1;
            if (applied < scenario.steps().size()) {
                progression.resume(rec, scenario, applied);
            }
        }
        savedFingerprint = fingerprint();
    }

    // --- save -------------------------------------------------------------------------------------

    /** Writes the file when anything changed since the last save. */
    synchronized void saveIfChanged() throws IOException {
        long f = fingerprint();
        if (f == savedFingerprint) {
            return;
        }
        Account.Snapshot a = account.snapshot();
        AccountData ad = new AccountData(a.status().wire, a.balance().toMad(), a.creditLimit().toMad(),
                a.dailyLimit() == null ? null : a.dailyLimit().toMad(), account.day() == null ? null : account.day().toString(),
                a.spentToday().toMad(), a.ipWhitelist().text(), a.webhookUrl());
        List<RechargeData> recharges = new ArrayList<>();
        for (RechargeBook book : new RechargeBook[] {production, sandbox}) {
            for (RechargeRecord r : book.all()) {
                RechargeRecord.View v = r.view();
                List<Change> timeline = v.timeline().stream().map(c -> new Change(c.code(), c.at().toString())).toList();
                recharges.add(new RechargeData(v.environment().name(), v.refInterne(), v.externalReference(),
                        v.phone().national(), v.operator().wireName(), v.value().toMad(), v.type(),
                        v.billingAmount().toMad(), v.createdAt().toString(), r.createdOn.toString(), v.fault(), timeline));
            }
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), new Data(1, ad, recharges));
        if (Files.getFileAttributeView(tmp, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            // it lives in the shop's data folder, whose files only their user reads
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        savedFingerprint = f;
    }

    /** Changes whenever the account or any recharge does. */
    private long fingerprint() {
        long h = account.snapshot().updatedAt().toEpochMilli();
        for (RechargeBook book : new RechargeBook[] {production, sandbox}) {
            for (RechargeRecord r : book.all()) {
                h = h * 31 + r.refInterne.hashCode();
                h = h * 31 + r.view().timeline().size();
            }
        }
        return h;
    }
}
