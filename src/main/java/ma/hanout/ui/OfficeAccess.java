package ma.hanout.ui;

import java.util.concurrent.CompletableFuture;

import java.util.function.Supplier;

import ma.hanout.app.EngineHolder;
import ma.hanout.app.Office;

/**
 * The owner's office as the screens reach it; like {@link EngineAccess}, it opens behind the
 * window, so a screen asks for it here (background threads only: {@link #await} may block).
 */
public final class OfficeAccess {
    private final CompletableFuture<Office> office;
    /** When set, each {@link #await} asks for the office of the account open now. */
    private final Supplier<Office> current;

    private OfficeAccess(CompletableFuture<Office> office) {
        this.office = office;
        this.current = null;
    }

    private OfficeAccess(Supplier<Office> current) {
        this.office = null;
        this.current = current;
    }

    /**
     * The office of whichever account the holder has open when a screen asks: after a switch of
     * credentials or environment the owner sees the new account's figures, never the old one's.
     */
    public static OfficeAccess following(CompletableFuture<EngineHolder> holder, Supplier<String> currentUser) {
        return new OfficeAccess(() -> holder.join().current().office(currentUser));
    }

    public static OfficeAccess of(Office office) {
        return new OfficeAccess(CompletableFuture.completedFuture(office));
    }

    public static OfficeAccess pending(CompletableFuture<Office> office) {
        return new OfficeAccess(office);
    }

    /** No office (a window built without one, as in the counter's own tests): its screens say so. */
    public static OfficeAccess none() {
        return new OfficeAccess(CompletableFuture.failedFuture(
                new IllegalStateException("the owner's office is not available in this window")));
    }

    public Office await() {
        return current != null ? current.get() : office.join();
    }
}
