package ma.hanout.ui.exports;

import java.nio.file.Path;
import java.util.Optional;

/** Asks where to save a file (a file chooser in the app, a fixed folder in tests). */
public interface FileChoice {
    /** The file chosen for {@code suggestedName}, or empty when the owner cancelled. */
    Optional<Path> saveAs(String suggestedName);
}
