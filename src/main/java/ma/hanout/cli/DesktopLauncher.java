package ma.hanout.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ma.hanout.domain.Language;

/** Starts the JavaFX app; kept apart so that the CLI never loads JavaFX classes unless asked. */
public final class DesktopLauncher {
    private DesktopLauncher() {
    }

    /**
     * Starts the desktop at once when {@code args} hold nothing but valid {@code --lang} and
     * {@code --home} options: the cashier's every start skips building the whole command line
     * (a few hundred milliseconds). Anything else returns false and goes through picocli, which
     * reports bad usage as usual.
     */
    public static boolean launchIfPlainDesktop(String[] args) {
        String lang = null;
        String home = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value;
            String name;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                name = a;
                value = args[++i];
            } else {
                return false;
            }
            if (name.equals("--lang") && lang == null) {
                lang = value;
            } else if (name.equals("--home") && home == null && !value.isBlank()) {
                home = value;
            } else {
                return false;
            }
        }
        if (lang != null && Language.fromCode(lang).isEmpty()) {
            return false;
        }
        launch(lang, home == null ? null : Path.of(home));
        return true;
    }

    static void launch(String lang, Path home) {
        List<String> args = new ArrayList<>();
        Optional.ofNullable(lang).ifPresent(l -> args.add("--lang=" + l));
        Optional.ofNullable(home).ifPresent(h -> args.add("--home=" + h));
        // the saved language is read while the toolkit starts
        ma.hanout.ui.HanoutApp.prepare(lang, home);
        javafx.application.Application.launch(ma.hanout.ui.HanoutApp.class, args.toArray(String[]::new));
    }
}
