package ma.hanout.ui.shell;

import javafx.scene.input.KeyCode;

/**
 * The screens of the main window, each with its shortcut (Ctrl + digit). An owner-only screen
 * opens only after an owner's PIN (DESIGN section 8).
 */
public enum Screen {
    COUNTER(KeyCode.DIGIT1, false), QUEUE(KeyCode.DIGIT2, false), HISTORY(KeyCode.DIGIT3, false),
    /** The owner's office: dashboard, shifts, bulk top-up, exports, audit log. */
    OFFICE(KeyCode.DIGIT4, true),
    /** The signed-in cashier's own shift: open it, close it with their PIN, print its report. */
    SHIFT(KeyCode.DIGIT5, false),
    SETTINGS(KeyCode.DIGIT9, true);

    private final KeyCode shortcut;
    private final boolean ownerOnly;

    Screen(KeyCode shortcut, boolean ownerOnly) {
        this.shortcut = shortcut;
        this.ownerOnly = ownerOnly;
    }

    public KeyCode shortcut() {
        return shortcut;
    }

    /** Whether only an owner may open it: the shell asks for an owner PIN first. */
    public boolean ownerOnly() {
        return ownerOnly;
    }

    public String labelKey() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
