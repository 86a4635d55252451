package ma.hanout.ui;

import java.util.ArrayList;
import java.util.List;

/** Dialogs answered by the test: every question gets {@link #answer}; what was asked and shown is kept. */
public final class AnsweringDialogs implements DialogService {
    public boolean answer = true;
    public final List<String> questions = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();
    /** The file every save dialog chooses; null: the user cancels. */
    public java.nio.file.Path saveAs;
    public final List<String> savesAsked = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        questions.add(message);
        return answer;
    }

    @Override
    public void showError(String title, String message) {
        errors.add(message);
    }

    @Override
    public void notify(String message) {
        notes.add(message);
    }

    @Override
    public java.util.Optional<java.nio.file.Path> saveFile(String title, String suggestedName, String filterName,
            String pattern) {
        savesAsked.add(suggestedName);
        return java.util.Optional.ofNullable(saveAs);
    }
}
