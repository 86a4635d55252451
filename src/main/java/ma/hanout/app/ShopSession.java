package ma.hanout.app;

import java.util.concurrent.CompletableFuture;

/**
 * What the desktop's screens reach besides the engine: the shop's settings, users and PIN gate,
 * the API's webhook configuration, and the switch to another account. It may be handed out before
 * the shop has opened; every method waits for it, so call them off the UI thread.
 */
public final class ShopSession {
    private final CompletableFuture<EngineHolder> holder;
    private volatile Signed signed;

    /** Who is at the counter: {@code user} null with {@code owner} true is demo mode without users. */
    public record Signed(ma.hanout.domain.User user, boolean owner) {
        public String name() {
            return user == null ? null : user.name();
        }
    }

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

    /** Who is signed in at the counter, or null when the PIN pad is up. Survives a window rebuilt in another language. */
    public Signed signedIn() {
        return signed;
    }

    public void signIn(Signed who) {
        signed = who;
    }

    public void signOut() {
        signed = null;
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
