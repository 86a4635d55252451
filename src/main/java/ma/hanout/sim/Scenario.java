package ma.hanout.sim;

import java.util.List;

import ma.hanout.domain.Phone;
import ma.hanout.domain.RechargeStatus;
import ma.hanout.domain.StatusClass;

/**
 * What happens to a recharge, chosen by the phone number's last four digits like a test card
 * number (DESIGN section 3, README "Simulator"):
 * <ul>
 * <li>{@code 00NN}, NN a code of the reference's table: 1 -> 2 -> NN (NN = 1 stays queued, NN = 2 stays in progress);</li>
 * <li>{@code 01NN}, NN a code of the table: a failed first try and a second attempt,
 *     1 -> 2 -> 6 -> 21 -> 22 -> NN;</li>
 * <li>{@code 9999}: applied as usual (1 -> 2 -> 3) but the send is never answered;</li>
 * <li>any other valid number: 1 -> 2 -> 3.</li>
 * </ul>
 * Every recharge starts in 1 (queued). Delays are at time scale 1 and get multiplied by it.
 *
 * @param steps          the status changes after creation, in order
 * @param holdsResponse  whether the send is applied but never answered
 */
record Scenario(List<Step> steps, boolean holdsResponse) {

    /** One status change, {@code delayMillis} after the previous one. */
    record Step(int code, long delayMillis) {
    }

    static final int QUEUED = 1;
    static final int IN_PROGRESS = 2;
    static final int DONE = 3;
    static final long QUEUE_DELAY_MS = 1_000;
    static final long EXECUTION_DELAY_MS = 2_000;
    static final long RETRY_STEP_DELAY_MS = 1_000;

    private static final Scenario ORDINARY = new Scenario(
            List.of(new Step(IN_PROGRESS, QUEUE_DELAY_MS), new Step(DONE, EXECUTION_DELAY_MS)), false);
    private static final Scenario UNANSWERED = new Scenario(ORDINARY.steps, true);

    static Scenario forPhone(Phone phone) {
        String last = phone.lastFour();
        if (last.equals("9999")) {
            return UNANSWERED;
        }
        int nn = Integer.parseInt(last.substring(2));
        boolean known = RechargeStatus.of(nn).isKnown();
        if (known && last.startsWith("00")) {
            return endingIn(nn);
        }
        if (known && last.startsWith("01")) {
            return new Scenario(List.of(
                    new Step(IN_PROGRESS, QUEUE_DELAY_MS),
                    new Step(6, EXECUTION_DELAY_MS),
                    new Step(21, RETRY_STEP_DELAY_MS),
                    new Step(22, RETRY_STEP_DELAY_MS),
                    new Step(nn, EXECUTION_DELAY_MS)), false);
        }
        return ORDINARY;
    }

    private static Scenario endingIn(int code) {
        if (code == QUEUED) {
            return new Scenario(List.of(), false);
        }
        if (code == IN_PROGRESS) {
            return new Scenario(List.of(new Step(IN_PROGRESS, QUEUE_DELAY_MS)), false);
        }
        return new Scenario(List.of(new Step(IN_PROGRESS, QUEUE_DELAY_MS), new Step(code, EXECUTION_DELAY_MS)), false);
    }

    /** Whether a recharge that ends in {@code code} gives its money back: it failed or was refunded. */
    static boolean refunds(int code) {
        StatusClass c = RechargeStatus.of(code).statusClass();
        return c == StatusClass.FAILED || c == StatusClass.REFUNDED;
    }

    /** Whether {@code code} is an outcome, so the recharge gets its {@code executed_at}. */
    static boolean isOutcome(int code) {
        return RechargeStatus.of(code).statusClass() != StatusClass.PENDING;
    }
}
