package ma.hanout.sim;

import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Moves each recharge along its {@link Scenario}, one step after the other with the scenario's
 * delays times the time scale. At the final step a failed or refunded production recharge gives
 * its billing back before the new status shows, so a client that sees the failure and then asks
 * {@code /balance} finds the money returned. Every change is announced as a webhook.
 */
final class StatusProgression {
    private final ScheduledExecutorService timer;
    private final double timeScale;
    private final Account account;
    private final RechargeEvents events;
    private final SimDates dates;

    StatusProgression(ScheduledExecutorService timer, double timeScale, Account account, RechargeEvents events,
            SimDates dates) {
        this.timer = timer;
        this.timeScale = timeScale;
        this.account = account;
        this.events = events;
        this.dates = dates;
    }

    void start(RechargeRecord recharge, Scenario scenario) {
        scheduleStep(recharge, scenario.steps(), 0);
    }

    /** Continues a recharge restored from a state file after its first {@code applied} steps. */
    void resume(RechargeRecord recharge, Scenario scenario, int applied) {
        scheduleStep(recharge, scenario.steps(), applied);
    }

    private void scheduleStep(RechargeRecord recharge, List<Scenario.Step> steps, int index) {
        if (index >= steps.size()) {
            return;
        }
        long delay = (long) (TimeUnit.MILLISECONDS.toNanos(steps.get(index).delayMillis()) * timeScale);
        try {
            timer.schedule(() -> apply(recharge, steps, index), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // the simulator is shutting down
        }
    }

    private void apply(RechargeRecord recharge, List<Scenario.Step> steps, int index) {
        if (recharge.isForgotten()) {
            return;
        }
        int code = steps.get(index).code();
        boolean last = index == steps.size() - 1;
        if (last && recharge.environment.debits() && Scenario.refunds(code)) {
            account.refund(recharge.billingAmount, recharge.createdOn);
        }
        int old = recharge.moveTo(code, dates.now());
        events.statusChanged(recharge, old, code);
        scheduleStep(recharge, steps, index + 1);
    }
}
