package ma.hanout.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import ma.hanout.engine.SaleEngine;

/**
 * The engine as the screens reach it. The window opens first and the database, simulator and
 * engine open behind it, so a screen is built before the engine exists: it asks for it here.
 *
 * <p>The engine can also change while the window stays (new credentials, another environment):
 * {@link #replaceWith} points every screen at the next one, and each {@link #whenReady} action
 * runs again for it, so listeners re-subscribe and screens reload. A window's screens use a
 * {@link #scope()} that is closed with the window, so a window rebuilt in another language leaves
 * no action behind.
 */
public final class EngineAccess {
    private final List<Consumer<SaleEngine>> readyActions = new ArrayList<>();
    private final List<Consumer<Throwable>> failedActions = new ArrayList<>();
    private final List<EngineAccess> scopes = new ArrayList<>();
    private final EngineAccess parent;
    private CompletableFuture<SaleEngine> engine;
    private boolean closed;

    private EngineAccess(CompletableFuture<SaleEngine> engine, EngineAccess parent) {
        this.engine = engine;
        this.parent = parent;
    }

    /** An engine that is already open. */
    public static EngineAccess of(SaleEngine engine) {
        return new EngineAccess(CompletableFuture.completedFuture(engine), null);
    }

    /** An engine still opening; completes (or fails) later. */
    public static EngineAccess pending(CompletableFuture<SaleEngine> engine) {
        return new EngineAccess(engine, null);
    }

    /** The engine, waiting for it to open. Background threads only: this may block. */
    public SaleEngine await() {
        CompletableFuture<SaleEngine> f;
        synchronized (this) {
            f = engine;
        }
        return f.join();
    }

    /**
     * Runs {@code action} once the engine is open (at once when it already is), on the opening
     * thread; and again for each engine that replaces it.
     */
    public void whenReady(Consumer<SaleEngine> action) {
        CompletableFuture<SaleEngine> f;
        synchronized (this) {
            readyActions.add(action);
            f = engine;
        }
        f.thenAccept(e -> runIfCurrent(f, () -> action.accept(e)));
    }

    /** Runs {@code action} if the engine (or one that replaces it) could not be opened. */
    public void whenFailed(Consumer<Throwable> action) {
        CompletableFuture<SaleEngine> f;
        synchronized (this) {
            failedActions.add(action);
            f = engine;
        }
        f.exceptionally(e -> {
            runIfCurrent(f, () -> action.accept(ErrorText.unwrap(e)));
            return null;
        });
    }

    /**
     * Another engine is opening in place of this one (the old one is being closed): screens wait
     * for {@code next}, then their ready actions run again with it.
     */
    public void replaceWith(CompletableFuture<SaleEngine> next) {
        List<Consumer<SaleEngine>> ready;
        List<Consumer<Throwable>> failed;
        List<EngineAccess> children;
        synchronized (this) {
            engine = next;
            ready = List.copyOf(readyActions);
            failed = List.copyOf(failedActions);
            children = List.copyOf(scopes);
        }
        next.thenAccept(e -> runIfCurrent(next, () -> ready.forEach(a -> a.accept(e))));
        next.exceptionally(e -> {
            runIfCurrent(next, () -> failed.forEach(a -> a.accept(ErrorText.unwrap(e))));
            return null;
        });
        children.forEach(c -> c.replaceWith(next));
    }

    /** A view of this access whose actions end with {@link #close()}: one per window. */
    public synchronized EngineAccess scope() {
        EngineAccess child = new EngineAccess(engine, this);
        scopes.add(child);
        return child;
    }

    /** Ends a {@link #scope()}: its actions never run again. */
    public void close() {
        synchronized (this) {
            closed = true;
            readyActions.clear();
            failedActions.clear();
        }
        if (parent != null) {
            synchronized (parent) {
                parent.scopes.remove(this);
            }
        }
    }

    private void runIfCurrent(CompletableFuture<SaleEngine> f, Runnable r) {
        boolean current;
        synchronized (this) {
            current = !closed && engine == f;
        }
        if (current) {
            r.run();
        }
    }
}
