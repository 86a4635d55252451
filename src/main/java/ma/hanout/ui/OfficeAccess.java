package ma.hanout.ui;

import java.util.concurrent.CompletableFuture;

import ma.hanout.app.Office;

/**
 * The owner's office as the screens reach it; like {@link EngineAccess}, it opens behind the
 * window, so a screen asks for it here (background threads only: {@link #await} may block).
 */
public final class OfficeAccess {
    private final CompletableFuture<Office> office;

    private OfficeAccess(CompletableFuture<Office> office) {
        this.office = office;
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
        return office.join();
    }
}
