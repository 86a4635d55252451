package ma.hanout.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import ma.hanout.domain.Sale;

/**
 * Tells the engine's listeners of every change, on one notifier thread of its own: never the
 * thread that committed the change (a slow screen never holds up the worker), always in commit
 * order. Status snapshots are coalesced: a burst of changes makes one.
 */
final class EngineEvents {
    private static final Logger LOG = Logger.getLogger(EngineEvents.class.getName());

    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor(EngineThreads.daemon("hanout-notify"));
    private final AtomicBoolean statusPending = new AtomicBoolean();
    private final Supplier<EngineStatus> status;

    EngineEvents(Supplier<EngineStatus> status) {
        this.status = status;
    }

    Runnable subscribe(EngineListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void saleChanged(Sale sale) {
        if (!listeners.isEmpty()) {
            submit(() -> {
                for (EngineListener l : listeners) {
                    try {
                        l.saleChanged(sale);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "listener failed", e);
                    }
                }
            });
        }
        statusChanged();
    }

    void statusChanged() {
        if (listeners.isEmpty() || !statusPending.compareAndSet(false, true)) {
            return;
        }
        if (!submit(() -> {
            statusPending.set(false);
            EngineStatus s = status.get();
            for (EngineListener l : listeners) {
                try {
                    l.statusChanged(s);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "listener failed", e);
                }
            }
        })) {
            statusPending.set(false);
        }
    }

    private boolean submit(Runnable r) {
        try {
            notifier.execute(r);
            return true;
        } catch (RejectedExecutionException e) {
            return false; // closed: nobody is listening any more
        }
    }

    void close() {
        notifier.shutdown();
        try {
            notifier.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
