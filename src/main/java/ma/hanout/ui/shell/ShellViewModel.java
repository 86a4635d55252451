package ma.hanout.ui.shell;

import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import ma.hanout.domain.Language;
import ma.hanout.ui.BackgroundWork;
import ma.hanout.ui.ErrorText;
import ma.hanout.ui.I18n;

/** The main window: which screen is shown, and the language (saved as a setting, applied at once). */
public final class ShellViewModel {
    private final I18n i18n;
    private final BackgroundWork work;
    private final Consumer<Language> saveLanguage;
    private final Consumer<Language> applyLanguage;
    private final ReadOnlyObjectWrapper<Screen> screen = new ReadOnlyObjectWrapper<>(this, "screen", Screen.COUNTER);
    private final Consumer<String> onError;
    private ScreenGate gate;

    /** Decides whether an owner-only screen may open: calls {@code open} when it may (maybe later). */
    @FunctionalInterface
    public interface ScreenGate {
        void request(Screen screen, Runnable open);
    }

    /**
     * @param saveLanguage  stores the choice (runs in the background: it writes the settings)
     * @param applyLanguage rebuilds the window in the new language (runs on the UI thread)
     * @param onError       shows a failure to save
     */
    public ShellViewModel(I18n i18n, BackgroundWork work, Consumer<Language> saveLanguage,
            Consumer<Language> applyLanguage, Consumer<String> onError) {
        this.i18n = i18n;
        this.work = work;
        this.saveLanguage = saveLanguage;
        this.applyLanguage = applyLanguage;
        this.onError = onError;
    }

    /** Shows {@code s}; an owner-only screen goes through the gate (an owner's PIN) first. */
    public void show(Screen s) {
        if (s.ownerOnly() && gate != null) {
            gate.request(s, () -> screen.set(s));
        } else {
            screen.set(s);
        }
    }

    /** The owner PIN check for {@link Screen#ownerOnly()} screens; without one they open freely. */
    public void setGate(ScreenGate gate) {
        this.gate = gate;
    }

    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screen.getReadOnlyProperty();
    }

    public Language language() {
        return i18n.language();
    }

    /** Switches the whole window to {@code lang} and remembers it for the next start. */
    public void changeLanguage(Language lang) {
        if (lang == null || lang == i18n.language()) {
            return;
        }
        work.run(() -> {
            saveLanguage.accept(lang);
            return lang;
        }, applyLanguage::accept, failure -> onError.accept(ErrorText.of(failure, i18n)));
    }

    /** How a language names itself in the picker. */
    public static String nativeName(Language l) {
        return switch (l) {
            case FR -> "Français";
            case AR -> "العربية";
            case EN -> "English";
            case ES -> "Español";
        };
    }
}
