package ma.hanout.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

/** Background work on a small pool of daemon threads, results delivered with {@link Platform#runLater}. */
public final class FxBackgroundWork implements BackgroundWork, AutoCloseable {
    private final ExecutorService pool;

    public FxBackgroundWork() {
        AtomicInteger n = new AtomicInteger();
        // two threads: a slow history page must not hold up a sale
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "hanout-ui-work-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        try {
            pool.execute(() -> {
                T result;
                try {
                    result = task.call();
                } catch (Throwable e) {
                    Platform.runLater(() -> onFailure.accept(e));
                    return;
                }
                Platform.runLater(() -> onSuccess.accept(result));
            });
        } catch (RejectedExecutionException e) {
            // closed: the window is going away, nobody is waiting for the answer
        }
    }

    @Override
    public void onUiThread(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
