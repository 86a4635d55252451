package ma.hanout.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work run at once on the caller's thread: view models become synchronous in tests. */
public final class SameThreadWork implements BackgroundWork {
    @Override
    public <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure) {
        T result;
        try {
            result = task.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }

    @Override
    public synchronized void onUiThread(Runnable action) {
        // engine threads call in here: one at a time, as on a real UI thread
        action.run();
    }
}
