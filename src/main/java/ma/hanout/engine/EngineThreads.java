package ma.hanout.engine;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's background threads: the outbox worker (woken at once by a new sale, else every
 * 200 ms), the status poller, and a scheduler for the periodic sync and the offline probe.
 */
final class EngineThreads {
    private static final Logger LOG = Logger.getLogger(EngineThreads.class.getName());

    private final IntSupplier workerPass;
    private final Runnable pollerPass;
    private final Runnable sync;
    private final Duration syncEvery;
    private final Runnable probe;
    private final Duration joinTimeout;
    private final Object wake = new Object();
    private boolean wakePending; // guarded by wake
    private volatile boolean running;
    private Thread workerThread;
    private Thread pollerThread;
    private ScheduledExecutorService scheduler;

    /**
     * @param workerPass one outbox pass; returns how many sales it acted on
     * @param joinTimeout how long {@link #close} waits for a thread (a request in flight) to end
     */
    EngineThreads(IntSupplier workerPass, Runnable pollerPass, Runnable sync, Duration syncEvery, Runnable probe,
            Duration joinTimeout) {
        this.workerPass = workerPass;
        this.pollerPass = pollerPass;
        this.sync = sync;
        this.syncEvery = syncEvery;
        this.probe = probe;
        this.joinTimeout = joinTimeout;
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        workerThread = daemon("hanout-outbox").newThread(this::workerLoop);
        pollerThread = daemon("hanout-poller").newThread(this::pollerLoop);
        scheduler = Executors.newSingleThreadScheduledExecutor(daemon("hanout-sync"));
        workerThread.start();
        pollerThread.start();
        scheduler.scheduleWithFixedDelay(() -> guarded(sync, "sync failed; trying again later"), 0,
                syncEvery.toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded(probe, "offline probe failed"), 10, 10, TimeUnit.SECONDS);
    }

    boolean running() {
        return running;
    }

    /** Wakes the worker: a sale was just recorded or a person asked to send one now. */
    void wakeWorker() {
        synchronized (wake) {
            wakePending = true;
            wake.notifyAll();
        }
    }

    synchronized void close() {
        running = false;
        wakeWorker();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (Thread t : new Thread[] {workerThread, pollerThread}) {
            if (t != null) {
                t.interrupt();
                try {
                    t.join(joinTimeout.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void workerLoop() {
        while (running) {
            int acted;
            try {
                acted = workerPass.getAsInt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "outbox pass failed; trying again shortly", e);
                acted = 0;
                pause(1000);
            }
            if (acted == 0) {
                waitForWork(200);
            }
        }
    }

    private void pollerLoop() {
        while (running) {
            guarded(pollerPass, "status poll failed; trying again shortly");
            pause(500);
        }
    }

    private void waitForWork(long millis) {
        synchronized (wake) {
            if (!wakePending) {
                try {
                    wake.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            wakePending = false;
        }
    }

    private static void guarded(Runnable r, String failure) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, failure, e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
