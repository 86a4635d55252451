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

    /**
     * Asks where to save a file, offering {@code suggestedName} and files matching {@code pattern}
     * ({@code *.pdf}); empty when the user cancels. Without a file dialog (a test that does not
     * answer it) nothing is chosen.
     */
    default java.util.Optional<java.nio.file.Path> saveFile(String title, String suggestedName, String filterName,
            String pattern) {
        return java.util.Optional.empty();
    }
}
