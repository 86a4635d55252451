package ma.hanout.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;

@Command(name = "receipt", description = "Render or print a sale's receipt (text, pdf, png, escpos).")
public final class ReceiptCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new CommandFailure("'receipt' is not yet available in this build");
    }
}
