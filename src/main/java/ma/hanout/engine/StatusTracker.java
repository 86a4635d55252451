package ma.hanout.engine;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;
import ma.hanout.store.SaleStore;

/**
 * Applies what the server says about a recharge, whoever heard it (polling, history sync, a relay
 * event), with one rule: status never moves backwards on a late or duplicated report
 * ({@link ma.hanout.domain.RechargeStatus#isProgressFrom}); and only on sales of this engine's account.
 */
final class StatusTracker {
    private final SaleStore sales;
    private final SaleAccount account;
    private final SaleRecorder recorder;
    private final Clock clock;

    StatusTracker(SaleStore sales, SaleAccount account, SaleRecorder recorder, Clock clock) {
        this.sales = sales;
        this.account = account;
        this.recorder = recorder;
        this.clock = clock;
    }

    /** What applying a report did. */
    enum Applied { PROGRESSED, UNCHANGED, ADOPTED, ADDED, UNKNOWN_SALE }

    /**
     * Applies {@code rec}. A sale we do not know is added as a remote sale when {@code addUnknown}
     * and the report carries enough to show it (phone, operator, value).
     */
    Applied apply(ServerRecharge rec, String source, boolean addUnknown) {
        Optional<Sale> local = Optional.empty();
        if (rec.externalReference() != null) {
            local = sales.find(rec.externalReference());
        }
        if (local.isEmpty() && rec.refInterne() != null) {
            local = sales.findByRefInterne(rec.refInterne());
        }
        if (local.isEmpty()) {
            return addUnknown ? addRemote(rec, source) : Applied.UNKNOWN_SALE;
        }
        if (!account.owns(local.get().account())) {
            // what this account's server says never changes a sale made on another account
            return Applied.UNCHANGED;
        }
        Instant now = clock.instant();
        Applied[] result = {Applied.UNCHANGED};
        recorder.change(local.get().externalReference(), source, cur -> {
            switch (cur.state()) {
                case ACCEPTED -> {
                    boolean progress = rec.status() != null && rec.status().isProgressFrom(cur.status());
                    boolean fills = cur.refInterne() == null && rec.refInterne() != null
                            || cur.billingAmount() == null && rec.billingAmount() != null
                            || cur.executedAt() == null && rec.executedAt() != null && progress;
                    if (!progress && !fills) {
                        return null;
                    }
                    result[0] = progress ? Applied.PROGRESSED : Applied.UNCHANGED;
                    return SaleRecorder.Change.of(cur.withServerRecord(rec.refInterne(),
                            progress ? rec.status() : cur.status(), rec.billingAmount(),
                            progress ? rec.executedAt() : null, now), null);
                }
                case QUEUED, UNCERTAIN -> {
                    if (!SameSale.matches(cur, rec)) {
                        // our reference on someone else's recharge: never adopt it (the worker refuses the sale)
                        return null;
                    }
                    // the server has it: whatever we thought, adopt its record
                    result[0] = Applied.ADOPTED;
                    RechargeStatus status = rec.status() != null && rec.status().isProgressFrom(cur.status())
                            ? rec.status() : cur.status();
                    Sale next = cur.withState(SaleState.ACCEPTED, now)
                            .withServerRecord(rec.refInterne(), status, rec.billingAmount(), rec.executedAt(), now)
                            .withError(null, null, now).withAttempt(cur.attempts(), null, now);
                    return new SaleRecorder.Change(next, "reported by the server (" + source + "): adopted", true);
                }
                case SENDING -> {
                    // the report beat the send's own answer (webhooks are fast): keep the news on the row;
                    // the worker records the answer and keeps whichever status is further along
                    if (rec.status() == null || !rec.status().isProgressFrom(cur.status())) {
                        return null;
                    }
                    return SaleRecorder.Change.of(cur.withServerRecord(rec.refInterne(), rec.status(),
                            rec.billingAmount(), rec.executedAt(), now), "reported while the send was in flight");
                }
                default -> {
                    // REJECTED or CANCELLED locally but the server reports it: keep the state, show the news
                    if (rec.status() == null || !rec.status().isProgressFrom(cur.status())) {
                        return null;
                    }
                    return SaleRecorder.Change.of(cur.withServerRecord(rec.refInterne(), rec.status(),
                            rec.billingAmount(), rec.executedAt(), now),
                            "the server reports this sale although it was " + cur.state());
                }
            }
        });
        return result[0];
    }

    private Applied addRemote(ServerRecharge rec, String source) {
        if (rec.phone() == null || rec.operator() == null || rec.value() == null || rec.refInterne() == null) {
            return Applied.UNKNOWN_SALE;
        }
        Phone phone;
        Operator operator;
        try {
            phone = Phone.parse(rec.phone());
            operator = Operator.parse(rec.operator());
        } catch (IllegalArgumentException e) {
            return Applied.UNKNOWN_SALE;
        }
        Promo promo;
        try {
            promo = Promo.parse(rec.type());
        } catch (IllegalArgumentException e) {
            promo = Promo.PLAIN;
        }
        Instant now = clock.instant();
        Instant created = rec.createdAt() != null ? rec.createdAt() : now;
        String ref = rec.externalReference() != null ? rec.externalReference() : "REMOTE-" + rec.refInterne();
        Money value = rec.value();
        Sale sale = new Sale(ref, phone, operator, value, promo, SaleState.ACCEPTED, rec.status(), rec.refInterne(),
                rec.billingAmount(), null, null, Sale.Origin.REMOTE, 0, null, created, now, rec.executedAt(), account);
        try {
            recorder.create(sale, source, "made elsewhere, found by " + source);
        } catch (RuntimeException e) {
            // another thread or terminal added it first: apply as a known sale
            if (sales.find(ref).isPresent()) {
                return apply(rec, source, false);
            }
            throw e;
        }
        return Applied.ADDED;
    }
}
