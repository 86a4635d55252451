package ma.hanout.app;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import ma.hanout.domain.Language;
import ma.hanout.store.Database;
import ma.hanout.store.SettingsStore;

/** The shop's data folder: where it is, and what is read from it before anything else opens. */
public final class DataFolder {
    /** The settings key of the window's language. */
    public static final String LANGUAGE = "ui.language";

    private DataFolder() {
    }

    /**
     * The data folder: the {@code --home} flag when given, else {@code HANOUT_HOME}, else
     * {@code ~/.hanout}.
     */
    public static Path resolve(String flag) {
        return resolve(flag, System.getenv(), System.getProperty("user.home"));
    }

    static Path resolve(String flag, Map<String, String> env, String userHome) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag.strip());
        }
        String fromEnv = env.get("HANOUT_HOME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv.strip());
        }
        return Path.of(userHome, ".hanout");
    }

    /**
     * The saved language in data folder {@code home}, read on its own before anything else opens:
     * the first paint must be in the cashier's language, and waiting for the whole engine
     * (simulator included) would delay it. Empty when none is saved or it cannot be read.
     */
    public static Optional<Language> savedLanguage(Path home) {
        if (!java.nio.file.Files.isRegularFile(home.resolve(Database.FILE_NAME))) {
            return Optional.empty(); // a new folder: nothing saved, and nothing to create yet
        }
        try (Database db = Database.openInHome(home)) {
            return new SettingsStore(db).get(LANGUAGE).flatMap(Language::fromCode);
        } catch (RuntimeException e) {
            // the engine opens the same folder next and reports any real problem there
            return Optional.empty();
        }
    }
}
