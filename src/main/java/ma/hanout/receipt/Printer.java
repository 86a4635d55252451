package ma.hanout.receipt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where a receipt's bytes go. {@link #parse} reads the setting {@code printer.uri} or the command
 * line's {@code --printer}: {@code tcp://HOST[:PORT]} a network printer (raw, port 9100 by
 * default), {@code file:PATH} or an absolute path a file or a device, anything else the name of a system printer. Sending blocks
 * for at most about twice the timeout: never call it on the JavaFX thread.
 */
public interface Printer {
    /** Sends the whole job, or throws {@link PrintFailure}. */
    void send(byte[] job);

    /** The printer as the user configured it, for messages and the audit log. */
    String describe();

    static Printer parse(String uri, Duration timeout) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("no printer is set");
        }
        String u = uri.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("tcp://")) {
            return NetworkPrinter.parse(u, timeout);
        }
        if (lower.startsWith("file:")) {
            String path = u.substring("file:".length());
            if (path.startsWith("//")) {
                path = path.substring(2);
            }
            if (path.isBlank()) {
                throw new IllegalArgumentException("'" + u + "' names no file: use file:/path/to/receipt.bin");
            }
            return new FilePrinter(Path.of(path));
        }
        if (u.startsWith("/") || u.matches("[A-Za-z]:[\\\\/].*")) {
            return new FilePrinter(Path.of(u)); // a path: a device such as /dev/usb/lp0, or a file
        }
        return new SystemPrinter(u);
    }
}
