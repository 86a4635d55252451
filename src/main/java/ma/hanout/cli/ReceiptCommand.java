package ma.hanout.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.Receipts;
import ma.hanout.domain.Language;
import ma.hanout.domain.Sale;
import ma.hanout.receipt.PaperWidth;
import ma.hanout.receipt.PdfReceipt;
import ma.hanout.receipt.PrintFailure;
import ma.hanout.receipt.Receipt;
import ma.hanout.receipt.ReceiptFormat;
import ma.hanout.receipt.ReceiptKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "receipt", description = {"Render or print a sale's receipt (text, pdf, png, escpos).",
        "Without --out or --printer the text receipt goes to standard output."})
public final class ReceiptCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "The sale's external reference or its ref_interne.")
    String reference;

    @Option(names = "--format", paramLabel = "text|pdf|png|escpos", description = "Output format (default: text, or escpos with --printer).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the receipt to FILE.")
    Path out;

    @Option(names = "--printer", paramLabel = "URI", description = "Send ESC/POS to tcp://HOST:PORT (a network printer), file:PATH, or a system printer's NAME.")
    String printer;

    @Option(names = "--width", paramLabel = "58|80", description = "Paper width in millimetres (default: the setting printer.paper_width, else 80).")
    Integer width;

    @Option(names = "--copy", description = "A reprint: marked DUPLICATA with its copy number.")
    boolean copy;

    @Option(names = "--not-delivered", description = "The \"not delivered\" slip of a failed sale instead of a receipt.")
    boolean notDelivered;

    @Option(names = "--lang", paramLabel = "fr|ar|en|es", description = "Language of the receipt (default: the app's language, else fr).")
    String lang;

    @Option(names = "--page", paramLabel = "ticket|a4", defaultValue = "ticket", description = "PDF page: the roll's width (default) or A4.")
    String page;

    @Option(names = "--printer-timeout", paramLabel = "MS", description = "How long the printer may take to accept, answer and read, in milliseconds (default 5000).")
    Long printerTimeoutMs;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
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
        PdfReceipt.Page pdfPage = switch (page.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "ticket" -> PdfReceipt.Page.TICKET;
            case "a4" -> PdfReceipt.Page.A4;
            default -> throw usage("--page must be ticket or a4, not '" + page + "'");
        };
        if (printerTimeoutMs != null && (printerTimeoutMs < 100 || printerTimeoutMs > 120_000)) {
            throw usage("--printer-timeout must be between 100 and 120000 milliseconds");
        }
        Duration timeout = printerTimeoutMs == null ? Receipts.PRINTER_TIMEOUT : Duration.ofMillis(printerTimeoutMs);
        PrintWriter stdout = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            Receipts receipts = app.receipts(timeout);
            Sale sale = receipts.find(reference.strip())
                    .orElseThrow(() -> new CommandFailure("No sale has the reference '" + reference.strip() + "'"));
            Receipt receipt = receipts.receipt(sale, notDelivered ? ReceiptKind.NOT_DELIVERED : ReceiptKind.SALE, copy,
                    language != null ? language : receipts.language());
            PaperWidth w = paper != null ? paper : receipts.paperWidth();
            if (printer != null) {
                try {
                    Receipts.Printed p = receipts.print(receipt, printer, w, Stdin.actor());
                    stdout.println("printed " + what(receipt) + " on " + p.printer());
                } catch (PrintFailure e) {
                    throw new CommandFailure(e.getMessage() + " (the sale is unchanged)");
                } catch (IllegalArgumentException e) {
                    throw usage("--printer: " + e.getMessage());
                }
                return 0;
            }
            byte[] bytes = chosen == ReceiptFormat.PDF
                    ? PdfReceipt.render(receipt, w, pdfPage) : receipts.render(receipt, chosen, w);
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
            receipts.recordWritten(receipt, chosen, out.toAbsolutePath().toString(), Stdin.actor());
            stdout.println("wrote " + what(receipt) + " to " + out + " (" + chosen + ", " + w.millimetres() + " mm)");
            return 0;
        }
    }

    private static String what(Receipt r) {
        return (r.kind() == ReceiptKind.NOT_DELIVERED ? "the not-delivered slip of " : "the receipt of ")
                + r.sale().externalReference() + (r.isCopy() ? " (copy " + r.copy() + ")" : "");
    }

    /** Who printed, for the audit log: the command line has no signed-in user, so the system account. */

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
