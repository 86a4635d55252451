package ma.hanout.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ma.hanout.domain.DomainException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root command. Without a subcommand it opens the desktop app; with one it runs that command.
 * Exit codes: 0 success, 1 the operation failed (a message on stderr, no stack trace), 2 bad usage.
 */
@Command(name = "hanout",
        mixinStandardHelpOptions = true,
        versionProvider = HanoutCommand.Version.class,
        description = {
            "Mobile top-ups for the corner shop, through the MoroccoTopup reseller API.",
            "Without a command: the desktop app (demo mode on the embedded simulator when no credentials are set)."},
        subcommands = {
            SimCommand.class,
            RelayCommand.class,
            SellCommand.class,
            DrainCommand.class,
            QueueCommand.class,
            HistoryCommand.class,
            BalanceCommand.class,
            SyncCommand.class,
            ReceiptCommand.class,
            BenchCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            ConfigCommand.class,
            UsersCommand.class,
            WebhookCommand.class,
            ReportCommand.class,
            ShiftCommand.class,
            ExportCommand.class,
            CommandLine.HelpCommand.class,
        },
        footer = {"", "Exit codes: 0 success, 1 the operation failed, 2 bad usage."})
public final class HanoutCommand implements Callable<Integer> {

    /** Returned when the desktop app was started: the JVM stays up until its window closes. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", paramLabel = "fr|ar|en|es", description = "Language of the desktop app (default: the saved setting, else fr).")
    String lang;

    @Option(names = "--home", paramLabel = "DIR", description = "Data folder (default: $HANOUT_HOME, else ~/.hanout).")
    Path home;

    @Override
    public Integer call() {
        if (lang != null && ma.hanout.domain.Language.fromCode(lang).isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "Unknown language '" + lang + "': use fr, ar, en or es");
        }
        DesktopLauncher.launch(lang, home);
        return KEEP_RUNNING;
    }

    /** Runs the command line and returns the exit code (or {@link #KEEP_RUNNING}). */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        return cl.execute(args);
    }

    /** The configured picocli command line, shared by {@link #run} and tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new HanoutCommand());
        cl.setExecutionExceptionHandler(HanoutCommand::failed);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        withHelpEverywhere(cl);
        return cl;
    }

    /** Every command, now and later, answers -h/--help (exit 0) and -V/--version with the real version. */
    private static void withHelpEverywhere(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandLine.Model.CommandSpec spec = sub.getCommandSpec();
            if (!(spec.userObject() instanceof CommandLine.HelpCommand)) {
                if (spec.optionsMap().get("--help") == null) {
                    spec.mixinStandardHelpOptions(true);
                }
                spec.versionProvider(new Version());
            }
            withHelpEverywhere(sub);
        }
    }

    private static int failed(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof CommandLine.ParameterException pe) {
            // thrown by a command's own validation: that is bad usage, not a failure
            cl.getErr().println(pe.getMessage());
            pe.getCommandLine().usage(cl.getErr());
            return 2;
        }
        if (e instanceof UsageException ue) {
            cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + ue.getMessage());
            return 2;
        }
        String message = e instanceof DomainException || e instanceof CommandFailure ? e.getMessage()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + message);
        return 1;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = HanoutCommand.class.getPackage().getImplementationVersion();
            return new String[] {"hanout " + (v == null ? "dev" : v)};
        }
    }
}
