package ma.hanout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.Receipts;
import ma.hanout.app.ShiftSlips;
import ma.hanout.domain.Language;
import ma.hanout.domain.Shift;
import ma.hanout.receipt.PaperWidth;
import ma.hanout.receipt.PrintFailure;
import ma.hanout.receipt.ReceiptFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shift report ID}: a closed shift's kept report, rendered or printed like {@code receipt}. */
@Command(name = "report", description = {"Render or print a closed shift's report (text, pdf, png, escpos), as kept at its close.",
        "Without --out or --printer the text report goes to standard output."})
final class ShiftReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "ID", description = "The shift's number (see shift list).")
    String id;

    @Option(names = "--format", paramLabel = "text|pdf|png|escpos", description = "Output format (default: text, or escpos with --printer).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE.")
    Path out;

    @Option(names = "--printer", paramLabel = "URI", description = "Send ESC/POS to tcp://HOST:PORT (a network printer), file:PATH, or a system printer's NAME.")
    String printer;

    @Option(names = "--width", paramLabel = "58|80", description = "Paper width in millimetres (default: the setting printer.paper_width, else 80).")
    Integer width;

    @Option(names = "--lang", paramLabel = "fr|ar|en|es", description = "Language of the report (default: the app's language, else fr).")
    String lang;

    @Option(names = "--printer-timeout", paramLabel = "MS", description = "How long the printer may take to accept, answer and read, in milliseconds (default 5000).")
    Long printerTimeoutMs;

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
        ReceiptFormat chosen = format == null ? (printer != null ? ReceiptFormat.ESCPOS : ReceiptFormat.TEXT)
                : ReceiptFormat.fromName(format).orElseThrow(() -> usage("--format must be text, pdf, png or escpos, not '" + format + "'"));
        if (out != null && printer != null) {
            throw usage("give --out FILE or --printer URI, not both");
        }
        if (printer != null && chosen != ReceiptFormat.ESCPOS) {
            throw usage("a printer takes --format escpos, not " + chosen);
        }
        if (out == null && printer == null && chosen != ReceiptFormat.TEXT) {
            throw usage("--format " + chosen + " is a file: give --out FILE");
        }
        PaperWidth paper = width == null ? null
                : PaperWidth.ofMillimetres(width).orElseThrow(() -> usage("--width must be 58 or 80, not " + width));
        Language language = lang == null ? null
                : Language.fromCode(lang).orElseThrow(() -> usage("--lang must be fr, ar, en or es, not '" + lang + "'"));
        if (printerTimeoutMs != null && (printerTimeoutMs < 100 || printerTimeoutMs > 120_000)) {
            throw usage("--printer-timeout must be between 100 and 120000 milliseconds");
        }
        java.time.Duration timeout = printerTimeoutMs == null ? Receipts.PRINTER_TIMEOUT
                : java.time.Duration.ofMillis(printerTimeoutMs);
        PrintWriter stdout = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            ShiftSlips slips = app.shiftSlips(Stdin::actor, timeout);
            Shift shift = slips.closed(shiftId);
            if (printer != null) {
                try {
                    ShiftSlips.Printed p = slips.print(shift, printer, paper, language, Stdin.actor());
                    stdout.println("printed the report of shift #" + shift.id() + " on " + p.printer());
                } catch (PrintFailure e) {
                    throw new CommandFailure(e.getMessage() + " (the shift's report is kept, unchanged)");
                } catch (IllegalArgumentException e) {
                    throw usage("--printer: " + e.getMessage());
                }
                return 0;
            }
            byte[] bytes = slips.render(shift, chosen, paper, language);
            if (out == null) {
                stdout.print(new String(bytes, StandardCharsets.UTF_8));
                stdout.flush();
                return 0;
            }
            try {
                Files.write(out, bytes);
            } catch (IOException e) {
                throw new CommandFailure("Cannot write " + out + ": " + e.getMessage(), e);
            }
            slips.recordWritten(shift, chosen, out.toAbsolutePath().toString(), Stdin.actor());
            stdout.println("wrote the report of shift #" + shift.id() + " to " + out + " (" + chosen + ")");
            return 0;
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
