package ma.hanout.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one place that can change its mind about the account: holds the open {@link AppContext}
 * and, when the credentials or the environment change, closes it and opens the next one from the
 * saved settings, while the window stays up. Sales already recorded keep the account they were
 * made on (each carries its {@code SaleAccount}); the next engine sends only its own.
 *
 * <p>The desktop holds one; the command line opens one {@link AppContext} per run instead.
 */
public final class EngineHolder implements AutoCloseable {
    private final Path home;
    private final ConnectionSettings.Flags flags;
    private final Map<String, String> env;
    private final Clock clock;
    private final double demoTimeScale;
    private final List<Consumer<AppContext>> opened = new CopyOnWriteArrayList<>();
    private AppContext current;
    private boolean closed;

    private EngineHolder(Path home, ConnectionSettings.Flags flags, Map<String, String> env, Clock clock,
            double demoTimeScale) {
        this.home = ShopData.folder(home, env);
        this.flags = flags;
        this.env = Map.copyOf(env);
        this.clock = clock;
        this.demoTimeScale = demoTimeScale;
    }

    /** Opens the first context (not started: call {@link #start()}). */
    public static EngineHolder open(Path home, ConnectionSettings.Flags flags, Map<String, String> env, Clock clock,
            double demoTimeScale) {
        EngineHolder h = new EngineHolder(home, flags, env, clock, demoTimeScale);
        h.current = AppContext.open(h.home, flags, env, clock, demoTimeScale);
        return h;
    }

    /** The context open now. */
    public synchronized AppContext current() {
        if (current == null) {
            throw new IllegalStateException(closed ? "closed" : "between two accounts: the last one failed to open");
        }
        return current;
    }

    /** Starts the current context's background work (engine, relay). */
    public synchronized void start() {
        current().startBackgroundWork();
    }

    /** Told of each context opened after the first one, already started. */
    public void onReopen(Consumer<AppContext> listener) {
        opened.add(listener);
    }

    /**
     * Closes the current context and opens the next from the saved settings (after a login, a
     * logout, an environment switch), started. Background threads only: it waits for the old
     * engine's threads and, in demo mode, starts a simulator. If the next one cannot open, there
     * is none until the next call, and the failure is thrown.
     */
    public AppContext reopen() {
        AppContext next;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            if (current != null) {
                current.close();
                current = null;
            }
            next = AppContext.open(home, flags, env, clock, demoTimeScale);
            next.startBackgroundWork();
            current = next;
        }
        opened.forEach(l -> l.accept(next));
        return next;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
