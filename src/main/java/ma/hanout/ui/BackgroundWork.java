package ma.hanout.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where screens send work that touches the network, the disk or SQL, and how its result comes back
 * to the UI thread. The JavaFX thread never runs such work itself, so the counter never freezes; in
 * tests a same-thread implementation makes view models synchronous.
 */
public interface BackgroundWork {

    /**
     * Runs {@code task} off the UI thread, then {@code onSuccess} or {@code onFailure} on the UI thread.
     */
    <T> void run(Callable<T> task, Consumer<? super T> onSuccess, Consumer<? super Throwable> onFailure);

    /** Runs {@code action} on the UI thread (later, when called from another thread). */
    void onUiThread(Runnable action);
}
