package ma.hanout.sim;

import java.util.Map;

/**
 * {@code POST /_sim/reset}: back to the state the simulator started in: no recharges, no
 * webhook attempts, the configured account and faults. For a test suite that shares one simulator.
 */
final class SimResetRoute implements Route {
    private final Runnable reset;

    SimResetRoute(Runnable reset) {
        this.reset = reset;
    }

    @Override
    public Reply handle(ApiRequest request) {
        reset.run();
        return Reply.ok(Map.of("success", true));
    }
}
