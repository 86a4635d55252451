package ma.hanout.receipt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A file standing in for a printer ({@code file:/dev/usb/lp0} or a file to send later). */
public final class FilePrinter implements Printer {
    private final Path file;

    public FilePrinter(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return "file:" + file;
    }

    @Override
    public void send(byte[] job) {
        try {
            Files.write(file, job);
        } catch (IOException e) {
            throw new PrintFailure(PrintFailure.Reason.FAILED, describe(),
                    "Could not write the receipt to " + file + ": " + e.getMessage(), e);
        }
    }
}
