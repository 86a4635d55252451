package ma.hanout.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import ma.hanout.app.AppContext;
import ma.hanout.app.ConnectionSettings;
import ma.hanout.engine.SaleEngine;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.testing.Eventually;

/**
 * A real demo shop for UI and view model tests: a data folder, the embedded simulator at a small
 * time scale (a sale settles in well under a second) and the real engine.
 */
public final class DemoShopFixture implements AutoCloseable {
    /** Simulated delays 50 times shorter than real ones. */
    public static final double TIME_SCALE = 0.02;

    private final AppContext context;
    private Simulator restarted;

    private DemoShopFixture(AppContext context) {
        this.context = context;
    }

    /** Opens a demo shop in {@code home}; {@code start} runs the engine's background work. */
    public static DemoShopFixture open(Path home, boolean start) {
        AppContext ctx = AppContext.open(home, ConnectionSettings.Flags.NONE, Map.of(), Clock.systemDefaultZone(),
                TIME_SCALE);
        if (start) {
            ctx.engine().start();
        }
        return new DemoShopFixture(ctx);
    }

    public AppContext context() {
        return context;
    }

    public SaleEngine engine() {
        return context.engine();
    }

    public EngineAccess access() {
        return EngineAccess.of(context.engine());
    }

    /** Waits until the engine has reached the simulator once (so the balance is known). */
    public DemoShopFixture awaitOnline() {
        Eventually.await(Duration.ofSeconds(30), "engine online", () -> engine().status().online());
        return this;
    }

    /** Stops the embedded simulator: the shop is offline. */
    public void goOffline() {
        current().close();
    }

    /** Starts a simulator again on the same port: the shop comes back online. */
    public void comeBack() throws IOException {
        Simulator before = context.simulator();
        SimConfig again = before.config().toBuilder().port(before.port()).build();
        restarted = Simulator.start(again);
    }

    private Simulator current() {
        return restarted != null ? restarted : context.simulator();
    }

    @Override
    public void close() {
        context.close();
        if (restarted != null) {
            restarted.close();
        }
    }
}
