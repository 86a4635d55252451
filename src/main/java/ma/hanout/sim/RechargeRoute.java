package ma.hanout.sim;

/**
 * {@code POST /recharge}: one recharge. Answers {@code success}, {@code status_code} 1,
 * {@code ref_interne}, {@code external_reference}, {@code value}, {@code billing_amount},
 * {@code balance_after}. The recharge faults hit here: one draw per request.
 */
final class RechargeRoute implements Route {
    private final RechargeDesk desk;
    private final FaultDice dice;

    RechargeRoute(RechargeDesk desk, FaultDice dice) {
        this.desk = desk;
        this.dice = dice;
    }

    @Override
    public Reply handle(ApiRequest request) {
        FaultDice.RechargeFault fault = dice.nextRechargeFault();
        if (fault == FaultDice.RechargeFault.ERROR_BEFORE) {
            return Reply.error(ApiError.simulatedFailure());
        }
        Reply reply;
        boolean unanswered = false;
        try {
            RechargeOrder order = RechargeOrder.from(request.json());
            RechargeDesk.Accepted a = desk.submit(request.environment(), order, fault);
            RechargeRecord r = a.recharge();
            reply = Reply.ok(new Bodies.Accepted(true, Scenario.QUEUED, r.refInterne, r.externalReference,
                    Bodies.mad(r.value), Bodies.mad(r.billingAmount), Bodies.mad(a.balanceAfter())));
            unanswered = a.scenario().holdsResponse();
        } catch (ApiError e) {
            reply = Reply.error(e);
        }
        return afterProcessing(fault, reply, unanswered);
    }

    /**
     * The faults that strike once the request was processed (accepted or refused): no answer, a
     * 500, or a closed connection, in place of the real answer.
     */
    static Reply afterProcessing(FaultDice.RechargeFault fault, Reply reply, boolean unanswered) {
        if (unanswered || fault == FaultDice.RechargeFault.TIMEOUT) {
            return Reply.HOLD;
        }
        if (fault == FaultDice.RechargeFault.ERROR_AFTER) {
            return Reply.error(ApiError.simulatedFailure());
        }
        if (fault == FaultDice.RechargeFault.RESET) {
            return Reply.RESET;
        }
        return reply;
    }
}
