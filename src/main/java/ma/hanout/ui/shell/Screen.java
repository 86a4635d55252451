package ma.hanout.ui.shell;

import javafx.scene.input.KeyCode;

/** The screens of the main window, each with its shortcut (Ctrl + digit). */
public enum Screen {
    COUNTER(KeyCode.DIGIT1), QUEUE(KeyCode.DIGIT2), HISTORY(KeyCode.DIGIT3);

    private final KeyCode shortcut;

    Screen(KeyCode shortcut) {
        this.shortcut = shortcut;
    }

    public KeyCode shortcut() {
        return shortcut;
    }

    public String labelKey() {
        return "nav." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
