package ma.hanout.cli;

import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "receipt", description = "Render or print a sale's receipt (text, pdf, png, escpos).")
public final class ReceiptCommand implements Callable<Integer> {
    /** Taken as given until receipts land, so that a well-formed call is told "not yet", not "bad usage". */
    @CommandLine.Unmatched
    List<String> arguments;

    @Override
    public Integer call() {
        throw new CommandFailure("'receipt' is not yet available in this build");
    }
}
