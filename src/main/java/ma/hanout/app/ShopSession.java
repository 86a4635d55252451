package ma.hanout.app;

import java.util.concurrent.CompletableFuture;

/**
 * What the desktop's screens reach besides the engine: the shop's settings, users and PIN gate,
 * the API's webhook configuration, and the switch to another account. It may be handed out before
 * the shop has opened; every method waits for it, so call them off the UI thread.
 */
public final class ShopSession {
    private final CompletableFuture<EngineHolder> holder;

    private ShopSession(CompletableFuture<EngineHolder> holder) {
        this.holder = holder;
    }

    public static ShopSession of(EngineHolder holder) {
        return new ShopSession(CompletableFuture.completedFuture(holder));
    }

    /** A shop still opening. */
    public static ShopSession pending(CompletableFuture<EngineHolder> holder) {
        return new ShopSession(holder);
    }

    /** The data of the shop as it is open now. */
    public ShopData shop() {
        return holder.join().current().shop();
    }

    /** The webhook configuration of the account open now. */
    public WebhookSettings webhooks() {
        return holder.join().current().webhooks();
    }

    /** Closes the account open now and opens the one the saved settings name (see {@link EngineHolder#reopen()}). */
    public AppContext reopen() {
        return holder.join().reopen();
    }
}
