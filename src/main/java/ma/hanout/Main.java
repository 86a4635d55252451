package ma.hanout;

import ma.hanout.cli.HanoutCommand;

/**
 * The jar's entry point. No argument starts the desktop app; anything else is a command-line
 * command (see {@code --help}). Kept free of JavaFX types so that {@code java -jar} works with
 * JavaFX on the classpath.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        if (ma.hanout.cli.DesktopLauncher.launchIfPlainDesktop(args)) {
            return;
        }
        int code = HanoutCommand.run(args);
        if (code != HanoutCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }
}
