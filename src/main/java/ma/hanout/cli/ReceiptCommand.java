package ma.hanout.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import ma.hanout.app.AppContext;
import ma.hanout.app.Receipts;
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

    @Option(names = "--copy", description = "A reprint: marked DUPLICATA with its copy number.")
    boolean copy;

    @Option(names = "--not-delivered", description = "The \"not delivered\" slip of a failed sale instead of a receipt.")
    boolean notDelivered;

    @Option(names = "--page", paramLabel = "ticket|a4", defaultValue = "ticket", description = "PDF page: the roll's width (default) or A4.")
    String page;

    @Mixin
    PaperOptions paperOptions;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() {
        PaperOptions.Chosen c = paperOptions.check();
        PdfReceipt.Page pdfPage = switch (page.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "ticket" -> PdfReceipt.Page.TICKET;
            case "a4" -> PdfReceipt.Page.A4;
            default -> throw usage("--page must be ticket or a4, not '" + page + "'");
        };
        PrintWriter stdout = spec.commandLine().getOut();
        try (AppContext app = engineOptions.open()) {
            Receipts receipts = app.receipts(c.timeout());
            Sale sale = receipts.find(reference.strip())
                    .orElseThrow(() -> new CommandFailure("No sale has the reference '" + reference.strip() + "'"));
            Receipt receipt = receipts.receipt(sale, notDelivered ? ReceiptKind.NOT_DELIVERED : ReceiptKind.SALE, copy,
                    c.language() != null ? c.language() : receipts.language());
            PaperWidth w = c.paper() != null ? c.paper() : receipts.paperWidth();
            if (c.printer() != null) {
                try {
                    Receipts.Printed p = receipts.print(receipt, c.printer(), w, Stdin.actor());
                    stdout.println("printed " + what(receipt) + " on " + p.printer());
                } catch (PrintFailure e) {
                    throw new CommandFailure(e.getMessage() + " (the sale is unchanged)");
                } catch (IllegalArgumentException e) {
                    throw usage("--printer: " + e.getMessage());
                }
                return 0;
            }
            byte[] bytes = c.format() == ReceiptFormat.PDF
                    ? PdfReceipt.render(receipt, w, pdfPage) : receipts.render(receipt, c.format(), w);
            if (!c.emit(bytes, stdout)) {
                return 0;
            }
            receipts.recordWritten(receipt, c.format(), c.out().toAbsolutePath().toString(), Stdin.actor());
            stdout.println("wrote " + what(receipt) + " to " + c.out() + " (" + c.format() + ", " + w.millimetres() + " mm)");
            return 0;
        }
    }

    private static String what(Receipt r) {
        return (r.kind() == ReceiptKind.NOT_DELIVERED ? "the not-delivered slip of " : "the receipt of ")
                + r.sale().externalReference() + (r.isCopy() ? " (copy " + r.copy() + ")" : "");
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
