package ma.hanout.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.Office;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = {"The sales of a period as CSV for the accountant: UTF-8, a header, one row",
    "per sale with the JSON fields of a sale, amounts in MAD with two decimals. Only the current account's sales."})
public final class ExportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DATE", description = "First day, YYYY-MM-DD, local time.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DATE", description = "Last day, inclusive.")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "The file to write (replaced if it exists).")
    Path out;

    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",", description = "',' (default, decimal dots) or ';' (decimal commas, for French spreadsheets).")
    String delimiter;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        LocalDate first = Dates.parse(cl, "--from", from, null);
        LocalDate last = Dates.parse(cl, "--to", to, null);
        Dates.requireOrdered(cl, first, last);
        Office.CsvStyle style = switch (delimiter) {
            case "," -> Office.CsvStyle.MACHINE;
            case ";" -> new Office.CsvStyle(';', ',');
            default -> throw new CommandLine.ParameterException(cl, "--delimiter must be ',' or ';'");
        };
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new CommandFailure("Cannot write " + out + ": the folder " + parent + " does not exist");
        }
        try (AppContext app = engineOptions.open()) {
            int rows;
            try {
                rows = app.office(Stdin::actor).exportSales(first, last, out, style);
            } catch (Office.ExportFailedException e) {
                throw new CommandFailure(e.getMessage(), e);
            }
            cl.getOut().println("exported " + rows + " sale" + (rows == 1 ? "" : "s") + " (" + first + " .. " + last
                    + ") to " + out);
            return 0;
        }
    }
}
