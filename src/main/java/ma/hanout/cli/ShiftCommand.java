package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.Office;
import ma.hanout.domain.DomainException;
import ma.hanout.domain.Money;
import ma.hanout.domain.Shift;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "shift", description = "A cashier's shift at this terminal: open, close with its report, list, print the report.",
        subcommands = {ShiftCommand.Open.class, ShiftCommand.Close.class, ShiftCommand.ListShifts.class,
            ShiftReportCommand.class})
public final class ShiftCommand implements Callable<Integer> {
    /** Who a shift is for when no --cashier is given and nobody signs in on the command line. */
    static final String DEFAULT_CASHIER = Shift.NAMELESS_OWNER;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: open, close, list or report");
    }

    @Command(name = "open", description = "Opens a shift (one open shift per cashier and terminal).")
    static final class Open implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cashier", paramLabel = "NAME", description = "Whose shift (default: " + DEFAULT_CASHIER + ").")
        String cashier;

        @Option(names = "--json", description = "Print the shift as JSON.")
        boolean json;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() {
            String who = cashier == null ? DEFAULT_CASHIER : cashier.strip();
            if (who.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--cashier must not be empty");
            }
            try (AppContext app = engineOptions.open()) {
                Shift s = app.office(Stdin::actor).openShift(who);
                PrintWriter out = spec.commandLine().getOut();
                out.println(json ? SaleJson.write(ShiftJson.of(s))
                        : "shift #" + s.id() + " opened for " + s.cashier() + " at " + s.terminal() + ", " + s.openedAt());
                return 0;
            }
        }
    }

    @Command(name = "close", description = {"Closes the open shift and prints its report: sales, successes, failures,",
        "refunds, pending, expected cash (face value of the successful sales), counted cash and the difference.",
        "A closed shift is never changed."})
    static final class Close implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--cashier", paramLabel = "NAME", description = "Whose shift (default: the only open one at this terminal, else " + DEFAULT_CASHIER + "'s).")
        String cashier;

        @Option(names = "--counted", paramLabel = "MAD", description = "The cash counted in the drawer, e.g. 250 or 250.50.")
        String counted;

        @Option(names = "--json", description = "Print the closed shift as JSON.")
        boolean json;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() {
            Money cash = null;
            if (counted != null) {
                try {
                    cash = Money.parse(counted);
                } catch (DomainException | NumberFormatException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "--counted must be an amount in MAD, not '" + counted + "'");
                }
                if (cash.isNegative()) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--counted must not be negative");
                }
            }
            try (AppContext app = engineOptions.open()) {
                Office office = app.office(Stdin::actor);
                // No --cashier: the only open shift; several open is a question only the user can
                // answer; none open at all says so for the terminal, not for a cashier nobody named.
                String who = cashier != null ? cashier.strip() : null;
                if (who == null) {
                    java.util.List<Shift> open = office.openShifts();
                    if (open.size() > 1) {
                        throw new CommandLine.ParameterException(spec.commandLine(), "several shifts are open at this"
                                + " terminal (" + String.join(", ", open.stream().map(Shift::cashier).toList())
                                + "): say whose with --cashier NAME");
                    }
                    who = open.isEmpty() ? null : open.get(0).cashier();
                }
                Shift s = office.closeShift(who, cash);
                spec.commandLine().getOut().println(json ? SaleJson.write(ShiftJson.of(s)) : ShiftJson.report(s));
                return 0;
            }
        }
    }

    @Command(name = "list", description = "Lists the shifts, newest first.")
    static final class ListShifts implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only the shifts whose cashier or terminal contains TEXT.")
        String search;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N shifts (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--json", description = "Print a JSON array of shifts.")
        boolean json;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 100_000) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 100000");
            }
            try (AppContext app = engineOptions.open()) {
                List<Shift> shifts = app.office(Stdin::actor).shifts(search, limit);
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(SaleJson.write(shifts.stream().map(ShiftJson::of).toList()));
                } else if (shifts.isEmpty()) {
                    out.println("no shifts");
                } else {
                    shifts.forEach(s -> out.println(ShiftJson.line(s)));
                }
                return 0;
            }
        }
    }
}
