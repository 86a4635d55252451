package ma.hanout.engine;

import java.time.Instant;

import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleState;

/**
 * What a send result does to a sale in {@code SENDING}, in one place, for single sends, bulk sends
 * and resends after reconciliation alike.
 */
final class SaleOutcomes {
    private final Backoff backoff;
    private final EngineConfig config;

    SaleOutcomes(Backoff backoff, EngineConfig config) {
        this.backoff = backoff;
        this.config = config;
    }

    /** The change for {@code sending} (expected in SENDING) given {@code result}; null if it moved meanwhile. */
    SaleRecorder.Change apply(Sale sending, SendResult result, Instant now) {
        if (sending.state() != SaleState.SENDING) {
            return null;
        }
        if (result instanceof SendResult.Accepted a) {
            // a relay event may already have brought a later status while the answer was on its way
            RechargeStatus status = a.status() != null && a.status().isProgressFrom(sending.status()) ? a.status()
                    : sending.status();
            Sale s = sending.withState(SaleState.ACCEPTED, now)
                    .withServerRecord(a.refInterne(), status, a.billingAmount(), null, now)
                    .withError(null, null, now)
                    .withAttempt(sending.attempts(), null, now);
            return new SaleRecorder.Change(s, "accepted by the server as " + a.refInterne(), true);
        }
        if (result instanceof SendResult.Rejected r) {
            Sale s = sending.withState(SaleState.REJECTED, now).withError(r.code(), r.message(), now)
                    .withAttempt(sending.attempts(), null, now);
            return new SaleRecorder.Change(s, "rejected: " + r.code(), true);
        }
        if (result instanceof SendResult.Duplicate d) {
            // it exists on the server: look it up at once and adopt it
            Sale s = sending.withState(SaleState.UNCERTAIN, now).withError("DUPLICATE_REFERENCE", d.message(), now)
                    .withAttempt(sending.attempts(), now, now);
            return new SaleRecorder.Change(s, "reference already on the server: adopting it", true);
        }
        if (result instanceof SendResult.Uncertain u) {
            Sale s = sending.withState(SaleState.UNCERTAIN, now).withError("NO_ANSWER", u.reason(), now)
                    .withAttempt(sending.attempts(), now.plus(backoff.after(sending.attempts())), now);
            return new SaleRecorder.Change(s, "outcome unknown (" + u.reason() + "): will ask by reference", true);
        }
        if (result instanceof SendResult.NotSent n) {
            Sale s = sending.withState(SaleState.QUEUED, now).withError("OFFLINE", n.reason(), now)
                    .withAttempt(sending.attempts(), now.plus(backoff.after(sending.attempts())), now);
            return SaleRecorder.Change.of(s, "not sent, API unreachable (" + n.reason() + "): queued");
        }
        SendResult.Refused r = (SendResult.Refused) result;
        Sale s = sending.withState(SaleState.QUEUED, now).withError(r.code(), r.message(), now)
                .withAttempt(sending.attempts(), now.plus(config.backoffMax()), now);
        return SaleRecorder.Change.of(s, "refused before it was applied (" + r.code() + "): queued until settings are fixed");
    }
}
