package ma.hanout.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.StatusClass;
import ma.hanout.domain.SaleAccount;
import ma.hanout.store.OutboxLedger;

/**
 * Polls {@code /recharge/by-id} for accepted sales whose status is not final: fast at first, then
 * slower as the sale ages; failed sales are still watched a while for a second attempt. Works on
 * its own; when the relay delivers events, it slows down.
 */
final class StatusPoller {
    /** Codes after which a sale's status is not expected to move on (a failure may still get a second attempt). */
    static final Set<Integer> SETTLED = codes(StatusClass.SUCCESS, StatusClass.REFUNDED, StatusClass.FAILED);
    private static final Set<Integer> ALL_BUT_FAILED = allBut(StatusClass.FAILED);

    private final OutboxLedger sales;
    private final SaleAccount account;
    private final RechargeGateway gateway;
    private final StatusTracker tracker;
    private final EngineConfig config;
    private final BooleanSupplier relayDelivering;
    private final java.util.concurrent.ConcurrentHashMap<String, Instant> lastChecked = new java.util.concurrent.ConcurrentHashMap<>();

    StatusPoller(OutboxLedger sales, SaleAccount account, RechargeGateway gateway, StatusTracker tracker, EngineConfig config,
            BooleanSupplier relayDelivering) {
        this.sales = sales;
        this.account = account;
        this.gateway = gateway;
        this.tracker = tracker;
        this.config = config;
        this.relayDelivering = relayDelivering;
    }

    /** One pass: polls the sales that are due. Returns how many it asked about. */
    int runOnce() {
        Instant now = config.clock().instant();
        Map<String, Sale> watch = new LinkedHashMap<>();
        for (Sale s : sales.watchList(account, SETTLED, now.minus(config.watchWindow()), 500)) {
            watch.put(s.externalReference(), s);
        }
        // failed, but a second attempt (21, 22) may still follow
        for (Sale s : sales.watchList(account, ALL_BUT_FAILED, now.minus(config.failedWatch()), 500)) {
            watch.putIfAbsent(s.externalReference(), s);
        }
        int asked = 0;
        for (Sale s : watch.values()) {
            Instant checked = lastChecked.get(s.externalReference());
            if (checked != null && checked.plus(interval(s, now)).isAfter(now)) {
                continue;
            }
            LookupResult r = s.refInterne() != null ? gateway.byId(s.refInterne()) : gateway.byReference(s.externalReference());
            checked(s.externalReference(), config.clock().instant());
            asked++;
            if (r instanceof LookupResult.Found f) {
                ServerRecharge rec = f.recharge();
                // by-id answers may omit our reference; the row we asked about is the one it describes
                ServerRecharge withRef = new ServerRecharge(rec.refInterne() != null ? rec.refInterne() : s.refInterne(),
                        s.externalReference(), rec.phone(), rec.operator(), rec.value(), rec.type(),
                        rec.billingAmount(), rec.status(), rec.createdAt(), rec.executedAt());
                tracker.apply(withRef, TimelineSource.POLL, false);
            } else if (r instanceof LookupResult.Unknown) {
                break; // the API is not answering: the next pass tries again
            }
        }
        return asked;
    }

    /**
     * When a sale was last asked about. Kept in memory: writing it to the database on every poll
     * would put a durable commit in front of the cashier's next sale several times a second.
     */
    void checked(String externalReference, Instant at) {
        lastChecked.put(externalReference, at);
        if (lastChecked.size() > 10_000) {
            lastChecked.clear();
        }
    }

    /** Fast at first, slower with age: most recharges settle within seconds. */
    Duration interval(Sale s, Instant now) {
        Duration age = Duration.between(s.createdAt(), now);
        Duration base;
        if (age.compareTo(Duration.ofSeconds(30)) < 0) {
            base = Duration.ofSeconds(1);
        } else if (age.compareTo(Duration.ofMinutes(2)) < 0) {
            base = Duration.ofSeconds(5);
        } else if (age.compareTo(Duration.ofMinutes(10)) < 0) {
            base = Duration.ofSeconds(15);
        } else {
            base = Duration.ofSeconds(60);
        }
        return relayDelivering.getAsBoolean() ? base.multipliedBy(config.relaySlowdown()) : base;
    }

    private static Set<Integer> codes(StatusClass... classes) {
        Set<StatusClass> wanted = Set.of(classes);
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int c : RechargeStatus.KNOWN_CODES) {
            if (wanted.contains(RechargeStatus.of(c).statusClass())) {
                out.add(c);
            }
        }
        return Set.copyOf(out);
    }

    private static Set<Integer> allBut(StatusClass excluded) {
        java.util.Set<Integer> out = new java.util.HashSet<>();
        for (int c : RechargeStatus.KNOWN_CODES) {
            if (RechargeStatus.of(c).statusClass() != excluded) {
                out.add(c);
            }
        }
        return Set.copyOf(out);
    }

    static List<Integer> settledCodes() {
        return List.copyOf(SETTLED);
    }
}
