package ma.hanout.ui.settings;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import ma.hanout.app.ShopSession;
import ma.hanout.engine.SaleEngine;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.EngineAccess;

/**
 * Closes the engine and opens the one the saved settings name (another account, environment or
 * relay), while the window stays; the screens follow through {@link EngineAccess#replaceWith}.
 * Runs on its own thread, not the screens' workers: those may be waiting for the next engine,
 * which this is opening.
 */
final class EngineReopen {
    private final ShopSession session;
    private final EngineAccess engines;
    private final BackgroundWork work;

    EngineReopen(ShopSession session, EngineAccess engines, BackgroundWork work) {
        this.session = session;
        this.engines = engines;
        this.work = work;
    }

    /** {@code done} or {@code failed} run on the UI thread. */
    void run(Runnable done, Consumer<Throwable> failed) {
        CompletableFuture<SaleEngine> next = new CompletableFuture<>();
        engines.replaceWith(next);
        Thread t = new Thread(() -> {
            try {
                next.complete(session.reopen().engine());
                work.onUiThread(done);
            } catch (RuntimeException e) {
                next.completeExceptionally(e);
                work.onUiThread(() -> failed.accept(e));
            }
        }, "hanout-engine-reopen");
        t.setDaemon(true);
        t.start();
    }
}
