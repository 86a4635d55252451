package ma.hanout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import ma.hanout.app.Receipts;
import ma.hanout.domain.Language;
import ma.hanout.receipt.PaperWidth;
import ma.hanout.receipt.ReceiptFormat;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Where and how a slip goes, shared by {@code receipt} and {@code shift report}: the format,
 * a file or a printer (never both), the paper, the language and how long a printer may take.
 */
final class PaperOptions {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "text|pdf|png|escpos", description = "Output format (default: text, or escpos with --printer).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write it to FILE.")
    Path out;

    @Option(names = "--printer", paramLabel = "URI", description = "Send ESC/POS to tcp://HOST:PORT (a network printer), file:PATH, or a system printer's NAME.")
    String printer;

    @Option(names = "--width", paramLabel = "58|80", description = "Paper width in millimetres (default: the setting printer.paper_width, else 80).")
    Integer width;

    @Option(names = "--lang", paramLabel = "fr|ar|en|es", description = "Language of the slip (default: the app's language, else fr).")
    String lang;

    @Option(names = "--printer-timeout", paramLabel = "MS", description = "How long the printer may take to accept, answer and read, in milliseconds (default 5000).")
    Long printerTimeoutMs;

    /** The options checked together; a contradiction or a bad value is a usage error (exit 2). */
    record Chosen(ReceiptFormat format, Path out, String printer, PaperWidth paper, Language language,
            Duration timeout) {
        /**
         * Puts {@code bytes} where they go: standard output (false) or the file (true); a file
         * that cannot be written fails the command, saying which.
         */
        boolean emit(byte[] bytes, PrintWriter stdout) {
            if (out == null) {
                stdout.print(new String(bytes, StandardCharsets.UTF_8));
                stdout.flush();
                return false;
            }
            try {
                Files.write(out, bytes);
            } catch (IOException e) {
                throw new CommandFailure(ma.hanout.app.WriteFailure.describe(out, e), e);
            }
            return true;
        }
    }

    Chosen check() {
        ReceiptFormat chosen = format == null ? (printer != null ? ReceiptFormat.ESCPOS : ReceiptFormat.TEXT)
                : ReceiptFormat.fromName(format).orElseThrow(() -> usage("--format must be text, pdf, png or escpos, not '"
                        + format + "'"));
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
        Duration timeout = printerTimeoutMs == null ? Receipts.PRINTER_TIMEOUT : Duration.ofMillis(printerTimeoutMs);
        return new Chosen(chosen, out, printer, paper, language, timeout);
    }

    CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
