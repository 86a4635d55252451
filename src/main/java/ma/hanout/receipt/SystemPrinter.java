package ma.hanout.receipt;

import java.util.Arrays;
import java.util.stream.Collectors;

import javax.print.DocFlavor;
import javax.print.DocPrintJob;
import javax.print.PrintException;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import javax.print.SimpleDoc;

/**
 * A printer the operating system knows by name (CUPS, Windows): the ESC/POS bytes go to it raw
 * (javax.print, {@code BYTE_ARRAY.AUTOSENSE}), as for a USB thermal printer installed with a
 * generic or raw driver.
 */
public final class SystemPrinter implements Printer {
    private final String name;

    public SystemPrinter(String name) {
        this.name = name.strip();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void send(byte[] job) {
        DocFlavor flavor = DocFlavor.BYTE_ARRAY.AUTOSENSE;
        PrintService[] services = PrintServiceLookup.lookupPrintServices(flavor, null);
        PrintService service = Arrays.stream(services).filter(s -> s.getName().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new PrintFailure(PrintFailure.Reason.NOT_FOUND, name,
                        "No printer named '" + name + "'" + (services.length == 0 ? " (this computer has none)"
                                : "; the printers are: " + Arrays.stream(services).map(PrintService::getName)
                                        .collect(Collectors.joining(", "))), null));
        DocPrintJob printJob = service.createPrintJob();
        try {
            printJob.print(new SimpleDoc(job, flavor, null), null);
        } catch (PrintException e) {
            throw new PrintFailure(PrintFailure.Reason.FAILED, name,
                    "The printer '" + name + "' refused the receipt: " + e.getMessage(), e);
        }
    }
}
