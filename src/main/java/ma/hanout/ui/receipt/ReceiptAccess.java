package ma.hanout.ui.receipt;

import java.util.concurrent.CompletableFuture;

import ma.hanout.app.Receipts;

/**
 * The receipts service as the screens reach it: like the engine, it exists only once the data
 * folder is open behind the window.
 */
public final class ReceiptAccess {
    private final CompletableFuture<Receipts> receipts;

    private ReceiptAccess(CompletableFuture<Receipts> receipts) {
        this.receipts = receipts;
    }

    public static ReceiptAccess of(Receipts receipts) {
        return new ReceiptAccess(CompletableFuture.completedFuture(receipts));
    }

    public static ReceiptAccess pending(CompletableFuture<Receipts> receipts) {
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
        return receipts.join();
    }
}
