package ma.hanout.store;

import java.time.Instant;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.Sale;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.SaleState;

/** Sales for store tests. */
final class SaleFixtures {
    static final Instant T0 = Instant.parse("2026-01-09T19:21:57.123Z");
    /** The account store tests sell on. */
    static final SaleAccount ACCOUNT = new SaleAccount(Environment.PRODUCTION, "API-TEST-0001");

    private SaleFixtures() {
    }

    static Sale queued(String ref, String phone, Instant createdAt) {
        return Sale.newQueued(ref, Phone.parse(phone), Operator.INWI, Money.ofMad(10), new Promo(6),
                Sale.Origin.COUNTER, createdAt, ACCOUNT);
    }

    static Sale queued(String ref, Instant createdAt) {
        return queued(ref, "0612345678", createdAt);
    }

    /** A sale in {@code state} with {@code status}, every other field as a new sale has it. */
    static Sale in(String ref, SaleState state, Integer status, Instant createdAt) {
        return with(queued(ref, createdAt), state, status);
    }

    static Sale with(Sale s, SaleState state, Integer status) {
        return new Sale(s.externalReference(), s.phone(), s.operator(), s.value(), s.promo(), state,
                status == null ? null : RechargeStatus.of(status), s.refInterne(), s.billingAmount(), s.errorCode(),
                s.errorMessage(), s.origin(), s.attempts(), s.nextAttemptAt(), s.createdAt(), s.updatedAt(),
                s.executedAt(), s.account());
    }

    static Sale withOperator(Sale s, Operator operator) {
        return new Sale(s.externalReference(), s.phone(), operator, s.value(), s.promo(), s.state(), s.status(),
                s.refInterne(), s.billingAmount(), s.errorCode(), s.errorMessage(), s.origin(), s.attempts(),
                s.nextAttemptAt(), s.createdAt(), s.updatedAt(), s.executedAt(), s.account());
    }

    static Sale onAccount(Sale s, SaleAccount account) {
        return new Sale(s.externalReference(), s.phone(), s.operator(), s.value(), s.promo(), s.state(), s.status(),
                s.refInterne(), s.billingAmount(), s.errorCode(), s.errorMessage(), s.origin(), s.attempts(),
                s.nextAttemptAt(), s.createdAt(), s.updatedAt(), s.executedAt(), account);
    }

    static Sale withRefInterne(Sale s, String refInterne) {
        return new Sale(s.externalReference(), s.phone(), s.operator(), s.value(), s.promo(), s.state(), s.status(),
                refInterne, s.billingAmount(), s.errorCode(), s.errorMessage(), s.origin(), s.attempts(),
                s.nextAttemptAt(), s.createdAt(), s.updatedAt(), s.executedAt(), s.account());
    }

    /** Every field set, and no two fields of one type equal: a swapped parameter cannot go unseen. */
    static Sale everyFieldDistinct(String ref) {
        return new Sale(ref, Phone.parse("0712345678"), Operator.MAROC_TELECOM, Money.ofCentimes(2_345),
                new Promo(3), SaleState.UNCERTAIN, RechargeStatus.of(22), "189957125550360",
                Money.ofCentimes(2_199), "DAILY_LIMIT_EXCEEDED", "Limite quotidienne atteinte.", Sale.Origin.BATCH,
                7, T0.plusMillis(1), T0.plusMillis(2), T0.plusMillis(3), T0.plusMillis(4),
                new SaleAccount(Environment.SANDBOX, "API-SBX-0042"));
    }

    /** Every field but the account different from {@link #everyFieldDistinct}, again with no two alike. */
    static Sale everyFieldChanged(String ref) {
        return new Sale(ref, Phone.parse("0661000001"), Operator.ORANGE, Money.ofCentimes(5_000), new Promo(9),
                SaleState.ACCEPTED, RechargeStatus.of(3), "SBX-42", Money.ofCentimes(4_675), "INSUFFICIENT_FUNDS",
                "Solde insuffisant.", Sale.Origin.REMOTE, 9, T0.plusMillis(11), T0.plusMillis(12),
                T0.plusMillis(13), T0.plusMillis(14),
                new SaleAccount(Environment.SANDBOX, "API-SBX-0042")); // the account a sale was made on never changes
    }
}
