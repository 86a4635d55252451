package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.ShiftSlips;
import ma.hanout.domain.Shift;
import ma.hanout.receipt.PrintFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code shift report ID}: a closed shift's kept report, rendered or printed like {@code receipt}. */
@Command(name = "report", description = {"Render or print a closed shift's report (text, pdf, png, escpos), as kept at its close.",
        "Without --out or --printer the text report goes to standard output."})
final class ShiftReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The shift's number (see shift list).")
    String id;

    @Mixin
    PaperOptions paperOptions;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        long shiftId;
        try {
            shiftId = Long.parseLong(id.strip().replaceFirst("^#", ""));
        } catch (NumberFormatException e) {
            throw usage("ID must be a shift's number (see shift list), not '" + id + "'");
        }
        PaperOptions.Chosen c = paperOptions.check();
        PrintWriter stdout = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            ShiftSlips slips = app.shiftSlips(Stdin::actor, c.timeout());
            Shift shift = slips.closed(shiftId);
            if (c.printer() != null) {
                try {
                    ShiftSlips.Printed p = slips.print(shift, c.printer(), c.paper(), c.language(), Stdin.actor());
                    stdout.println("printed the report of shift #" + shift.id() + " on " + p.printer());
                } catch (PrintFailure e) {
                    throw new CommandFailure(e.getMessage() + " (the shift's report is kept, unchanged)");
                } catch (IllegalArgumentException e) {
                    throw usage("--printer: " + e.getMessage());
                }
                return 0;
            }
            byte[] bytes = slips.render(shift, c.format(), c.paper(), c.language());
            if (!c.emit(bytes, stdout)) {
                return 0;
            }
            slips.recordWritten(shift, c.format(), c.out().toAbsolutePath().toString(), Stdin.actor());
            stdout.println("wrote the report of shift #" + shift.id() + " to " + c.out() + " (" + c.format() + ")");
            return 0;
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
