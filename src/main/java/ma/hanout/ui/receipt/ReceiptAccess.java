package ma.hanout.ui.receipt;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import ma.hanout.app.Receipts;

/**
 * The receipts service as the screens reach it: like the engine, it exists only once the data
 * folder is open behind the window.
 */
public final class ReceiptAccess {
    private final CompletableFuture<Supplier<Receipts>> receipts;

    private ReceiptAccess(CompletableFuture<Supplier<Receipts>> receipts) {
        this.receipts = receipts;
    }

    public static ReceiptAccess of(Receipts receipts) {
        return new ReceiptAccess(CompletableFuture.completedFuture(() -> receipts));
    }

    /** Receipts of the account open at each call (the shop may switch accounts while the window stays). */
    public static ReceiptAccess pending(CompletableFuture<Supplier<Receipts>> receipts) {
        return new ReceiptAccess(receipts);
    }

    /** No receipts in this window (a screen built without a data folder): the buttons are not shown. */
    public static ReceiptAccess unavailable() {
        return new ReceiptAccess(null);
    }

    public boolean isAvailable() {
        return receipts != null;
    }

    /** The service, waiting for the folder to open. Background threads only. */
    public Receipts await() {
        if (receipts == null) {
            throw new IllegalStateException("receipts are not available in this window");
        }
        return receipts.join().get();
    }
}
