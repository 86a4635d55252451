package ma.hanout.ui;

import ma.hanout.engine.EngineStatus;

/**
 * Closing the window while a sale has no outcome yet: the cashier is asked, and told the sale is
 * safe (on disk, never sent twice, followed at the next start), instead of the app quitting silently.
 */
public final class QuitGuard {
    private QuitGuard() {
    }

    /**
     * How many sales have no outcome yet: queued, being sent or uncertain in the engine, or the
     * counter's current sale while it is still on its way ({@code currentInFlight}).
     */
    public static int pending(EngineStatus status, boolean currentInFlight) {
        int n = status == null ? 0 : status.queued() + status.uncertain();
        return Math.max(n, currentInFlight ? 1 : 0);
    }

    /**
     * Asks before quitting when {@code pending} sales have no outcome yet; true when the window
     * may close (nothing pending, or the cashier said so).
     */
    public static boolean mayQuit(int pending, I18n i18n, DialogService dialogs) {
        if (pending <= 0) {
            return true;
        }
        return dialogs.confirm(i18n.get("quit.title"), i18n.plural("quit.question", pending), i18n.get("quit.confirm"));
    }
}
