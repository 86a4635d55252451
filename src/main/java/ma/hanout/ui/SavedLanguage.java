package ma.hanout.ui;

import java.nio.file.Path;
import java.util.Optional;

import ma.hanout.domain.Language;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;

/**
 * The language setting, read on its own before anything else opens: the first paint must be in the
 * cashier's language, and waiting for the whole engine (simulator included) would delay it.
 */
final class SavedLanguage {
    /** The settings key. */
    static final String KEY = "ui.language";

    private SavedLanguage() {
    }

    /** The saved language in data folder {@code home}; empty when none is saved or it cannot be read. */
    static Optional<Language> read(Path home) {
        try (Database db = Database.openInHome(home)) {
            return new SettingsStore(db).get(KEY).flatMap(Language::fromCode);
        } catch (RuntimeException e) {
            // the engine opens the same folder next and reports any real problem there
            return Optional.empty();
        }
    }
}
