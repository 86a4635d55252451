package ma.hanout.engine;

import java.time.Instant;

import ma.hanout.domain.Money;
import ma.hanout.domain.RechargeStatus;

/**
 * What the server holds for one recharge, as the engine needs it, whichever call told us
 * (by-ref, by-id, history, a relay event). Fields the call did not carry are null.
 */
public record ServerRecharge(
        String refInterne,
        String externalReference,
        String phone,
        String operator,
        Money value,
        String type,
        Money billingAmount,
        RechargeStatus status,
        Instant createdAt,
        Instant executedAt) {
}
