package ma.hanout.ui;

/**
 * The dialogs a screen may need, kept behind an interface so view models never hold a window and
 * tests answer the questions themselves.
 */
public interface DialogService {

    /** Asks the cashier to confirm {@code message}; true when they chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Tells the cashier something went wrong, in words they can act on. */
    void showError(String title, String message);

    /** A short note that goes away by itself (a sale done, the connection back). */
    void notify(String message);
}
