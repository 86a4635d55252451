package ma.hanout.sim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** {@code GET /_sim/recharges}: every recharge held, production and sandbox, oldest first. */
final class SimRechargesRoute implements Route {
    private final RechargeBook production;
    private final RechargeBook sandbox;
    private final SimDates dates;

    SimRechargesRoute(RechargeBook production, RechargeBook sandbox, SimDates dates) {
        this.production = production;
        this.sandbox = sandbox;
        this.dates = dates;
    }

    @Override
    public Reply handle(ApiRequest request) {
        List<RechargeRecord> all = new ArrayList<>(production.all());
        all.addAll(sandbox.all());
        // ids come from one counter for both environments: their number is the order of creation
        all.sort(Comparator.comparingLong(r -> Long.parseLong(r.refInterne.substring(r.environment.refPrefix.length()))));
        return Reply.ok(all.stream().map(r -> Bodies.SimRecharge.of(r.view(), dates)).toList());
    }
}
