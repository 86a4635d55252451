package ma.hanout.cli;

import java.nio.file.Path;

/** Starts the JavaFX app; kept apart so that the CLI never loads JavaFX classes unless asked. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch(String lang, Path home) {
        java.util.List<String> args = new java.util.ArrayList<>();
        if (lang != null) {
            args.add("--lang=" + lang);
        }
        if (home != null) {
            args.add("--home=" + home);
        }
        // the data folder and the engine open while the toolkit starts
        ma.hanout.ui.HanoutApp.preopen(home);
        javafx.application.Application.launch(ma.hanout.ui.HanoutApp.class, args.toArray(String[]::new));
    }
}
