package ma.hanout.sim;

import java.util.SplittableRandom;

/**
 * Decides which fault, if any, hits each recharge request and each webhook. Two independent
 * streams seeded from one seed, so the recharge faults do not shift when webhooks are on, and the
 * same seed with the same sequence of requests gives the same faults. Replacing the spec restarts
 * both streams from the seed, so a test that sets faults through {@code /_sim/faults} replays too.
 */
final class FaultDice {
    /** What happens to one recharge request; {@link #wire} names it as {@code /_sim/recharges} shows it. */
    enum RechargeFault {
        NONE(null), TIMEOUT("timeout"), ERROR_BEFORE("error-before"), ERROR_AFTER("error-after"), RESET("reset");

        final String wire;

        RechargeFault(String wire) {
            this.wire = wire;
        }
    }

    /** What happens to one webhook. */
    enum WebhookFault { NONE, DROP, DUP, REORDER }

    private static final long WEBHOOK_STREAM = 0x5DEECE66DL;

    private long seed;
    private volatile FaultSpec spec;
    private SplittableRandom recharges;
    private SplittableRandom webhooks;

    FaultDice(FaultSpec spec, long seed) {
        this.seed = seed;
        replace(spec);
    }

    FaultSpec spec() {
        return spec;
    }

    synchronized long seed() {
        return seed;
    }

    synchronized void replace(FaultSpec newSpec) {
        replace(newSpec, seed);
    }

    /** New faults and a new seed; both random streams restart. */
    synchronized void replace(FaultSpec newSpec, long newSeed) {
        this.seed = newSeed;
        this.spec = newSpec;
        this.recharges = new SplittableRandom(seed);
        this.webhooks = new SplittableRandom(seed ^ WEBHOOK_STREAM);
    }

    /** One draw per recharge request (single or bulk), in the order requests arrive. */
    RechargeFault nextRechargeFault() {
        FaultSpec s = spec;
        if (!s.affectsRecharges()) {
            return RechargeFault.NONE;
        }
        double u;
        synchronized (this) {
            s = spec;
            u = recharges.nextDouble();
        }
        if ((u -= s.timeout()) < 0) {
            return RechargeFault.TIMEOUT;
        }
        if ((u -= s.errorBefore()) < 0) {
            return RechargeFault.ERROR_BEFORE;
        }
        if ((u -= s.errorAfter()) < 0) {
            return RechargeFault.ERROR_AFTER;
        }
        if ((u -= s.reset()) < 0) {
            return RechargeFault.RESET;
        }
        return RechargeFault.NONE;
    }

    /** One draw per webhook event, in the order events are published. */
    WebhookFault nextWebhookFault() {
        FaultSpec s = spec;
        if (!s.affectsWebhooks()) {
            return WebhookFault.NONE;
        }
        double u;
        synchronized (this) {
            s = spec;
            u = webhooks.nextDouble();
        }
        if ((u -= s.webhookDrop()) < 0) {
            return WebhookFault.DROP;
        }
        if ((u -= s.webhookDup()) < 0) {
            return WebhookFault.DUP;
        }
        if ((u -= s.webhookReorder()) < 0) {
            return WebhookFault.REORDER;
        }
        return WebhookFault.NONE;
    }
}
