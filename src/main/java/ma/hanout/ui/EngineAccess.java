package ma.hanout.ui;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import ma.hanout.engine.SaleEngine;

/**
 * The engine as the screens reach it. The window opens first and the database, simulator and
 * engine open behind it, so a screen is built before the engine exists: it asks for it here.
 */
public final class EngineAccess {
    private final CompletableFuture<SaleEngine> engine;

    private EngineAccess(CompletableFuture<SaleEngine> engine) {
        this.engine = engine;
    }

    /** An engine that is already open. */
    public static EngineAccess of(SaleEngine engine) {
        return new EngineAccess(CompletableFuture.completedFuture(engine));
    }

    /** An engine still opening; completes (or fails) later. */
    public static EngineAccess pending(CompletableFuture<SaleEngine> engine) {
        return new EngineAccess(engine);
    }

    /** The engine, waiting for it to open. Background threads only: this may block. */
    public SaleEngine await() {
        return engine.join();
    }

    /** Runs {@code action} once the engine is open (at once when it already is), on the opening thread. */
    public void whenReady(Consumer<SaleEngine> action) {
        engine.thenAccept(action);
    }

    /** Runs {@code action} if the engine could not be opened. */
    public void whenFailed(Consumer<Throwable> action) {
        engine.exceptionally(e -> {
            action.accept(ErrorText.unwrap(e));
            return null;
        });
    }
}
