package ma.hanout.engine;

import ma.hanout.sim.Simulator;

/** Lets tests in other packages read the simulator's records the way the engine tests do. */
public final class EngineHarnessAccess {
    private EngineHarnessAccess() {
    }

    /** Whether the simulator holds a recharge with this external reference. */
    public static boolean simHas(Simulator sim, String externalReference) {
        return EngineHarness.simRecharges(sim).containsKey(externalReference);
    }
}
