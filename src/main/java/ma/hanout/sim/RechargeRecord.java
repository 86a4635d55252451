package ma.hanout.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;

/**
 * One recharge the simulator holds. What the client sent never changes; the status moves along
 * its scenario under this object's lock. Readers take a {@link View}.
 */
final class RechargeRecord {
    /** A status the recharge went through, and when. */
    record StatusChange(int code, Instant at) {
    }

    /** The recharge as it stands at one instant. */
    record View(String refInterne, String externalReference, Phone phone, Operator operator, Money value,
            String type, Money billingAmount, int statusCode, Instant createdAt, Instant executedAt,
            Environment environment, List<StatusChange> timeline, String fault, int duplicateAttempts) {
    }

    final String refInterne;
    final String externalReference;
    final Phone phone;
    final Operator operator;
    final Money value;
    final String type;
    final Money billingAmount;
    final Instant createdAt;
    final LocalDate createdOn;
    final Environment environment;
    /** The injected fault that struck the request that made this recharge, null for none. */
    final String fault;
    private int statusCode;
    private Instant executedAt;
    /** Set by {@code /_sim/reset}: the recharge no longer exists and its scenario stops. */
    private volatile boolean forgotten;
    private final List<StatusChange> timeline = new ArrayList<>(4);
    /** Sends refused with 409 because this recharge already had their reference: what a test of "never twice" counts. */
    private final java.util.concurrent.atomic.AtomicInteger duplicateAttempts = new java.util.concurrent.atomic.AtomicInteger();

    RechargeRecord(String refInterne, RechargeOrder order, Money billingAmount, Instant createdAt,
            LocalDate createdOn, Environment environment, String fault) {
        this.refInterne = refInterne;
        this.externalReference = order.externalReference();
        this.phone = order.phone();
        this.operator = order.operator();
        this.value = order.value();
        this.type = order.type();
        this.billingAmount = billingAmount;
        this.createdAt = createdAt;
        this.createdOn = createdOn;
        this.environment = environment;
        this.fault = fault;
        this.statusCode = Scenario.QUEUED;
        timeline.add(new StatusChange(Scenario.QUEUED, createdAt));
    }

    /** Moves to {@code code}; returns the status it left. */
    synchronized int moveTo(int code, Instant at) {
        int old = statusCode;
        statusCode = code;
        if (Scenario.isOutcome(code)) {
            executedAt = at;
        }
        timeline.add(new StatusChange(code, at));
        return old;
    }

    void duplicateAttempted() {
        duplicateAttempts.incrementAndGet();
    }

    void forget() {
        forgotten = true;
    }

    boolean isForgotten() {
        return forgotten;
    }

    synchronized View view() {
        return new View(refInterne, externalReference, phone, operator, value, type, billingAmount, statusCode,
                createdAt, executedAt, environment, List.copyOf(timeline), fault, duplicateAttempts.get());
    }
}
