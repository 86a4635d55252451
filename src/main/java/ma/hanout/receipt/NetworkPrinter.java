package ma.hanout.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A network thermal printer on a raw TCP port (JetDirect, usually 9100). Every step is bounded:
 * the connection by a connect timeout; the printer's answer to the real-time status request
 * ({@code DLE EOT 1}, answered by ESC/POS printers at once, even mid-job) by a read timeout; and
 * the job itself by a watchdog that closes the socket when the printer stops reading, since a
 * blocked socket write has no timeout of its own. A printer that accepts the connection and then
 * never reads is thus a timeout, not a frozen till.
 */
public final class NetworkPrinter implements Printer {
    static final int DEFAULT_PORT = 9100;
    private static final byte[] STATUS_REQUEST = {0x10, 0x04, 0x01};
    /** Bit 3 of the printer status byte: offline. */
    private static final int OFFLINE_BIT = 0x08;
    private static final int CHUNK = 1024;

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "printer-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final String host;
    private final int port;
    private final Duration timeout;

    public NetworkPrinter(String host, int port, Duration timeout) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("a network printer needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a printer's port is 1 to 65535, not " + port);
        }
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    static NetworkPrinter parse(String uri, Duration timeout) {
        URI u;
        try {
            u = URI.create(uri.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + uri + "' is not a printer address: use tcp://HOST:9100", e);
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("'" + uri + "' is not a printer address: use tcp://HOST:9100");
        }
        return new NetworkPrinter(u.getHost(), u.getPort() == -1 ? DEFAULT_PORT : u.getPort(), timeout);
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }

    @Override
    public void send(byte[] job) {
        int millis = (int) Math.max(1, timeout.toMillis());
        try (Socket socket = new Socket()) {
            connect(socket, millis);
            socket.setSoTimeout(millis);
            askStatus(socket);
            write(socket, job, millis);
            finish(socket, Math.min(millis, 2000));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void connect(Socket socket, int millis) {
        try {
            socket.connect(new InetSocketAddress(host, port), millis);
        } catch (UnknownHostException e) {
            throw new PrintFailure(PrintFailure.Reason.UNKNOWN_HOST, describe(),
                    "The printer's host '" + host + "' is unknown: check the printer's address", e);
        } catch (ConnectException | NoRouteToHostException e) {
            throw new PrintFailure(PrintFailure.Reason.REFUSED, describe(), "The printer at " + describe()
                    + " refused the connection: is it switched on and on the network?", e);
        } catch (SocketTimeoutException e) {
            throw timedOut("did not accept the connection", e);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private void askStatus(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(STATUS_REQUEST);
        out.flush();
        InputStream in = socket.getInputStream();
        int status;
        try {
            status = in.read();
        } catch (SocketTimeoutException e) {
            throw timedOut("accepted the connection but does not answer", e);
        }
        if (status < 0) {
            throw new PrintFailure(PrintFailure.Reason.FAILED, describe(),
                    "The printer at " + describe() + " closed the connection without printing", null);
        }
        if ((status & OFFLINE_BIT) != 0) {
            throw new PrintFailure(PrintFailure.Reason.OFFLINE, describe(), "The printer at " + describe()
                    + " is offline: check its paper and its cover", null);
        }
    }

    private void write(Socket socket, byte[] job, int millis) throws IOException {
        AtomicBoolean fired = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            fired.set(true);
            try {
                socket.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }, millis, TimeUnit.MILLISECONDS);
        try {
            OutputStream out = socket.getOutputStream();
            for (int off = 0; off < job.length; off += CHUNK) {
                out.write(job, off, Math.min(CHUNK, job.length - off));
            }
            out.flush();
        } catch (IOException e) {
            if (fired.get()) {
                throw timedOut("stopped reading the receipt", e);
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
        if (fired.get()) {
            throw timedOut("stopped reading the receipt", null);
        }
    }

    /**
     * Ends the job gracefully: half-close, then read what the printer still says until it closes
     * its end (or a short wait). Closing with unread bytes from the printer (a status answer) would
     * reset the connection, and a reset may throw away the job the printer has not read yet.
     */
    private static void finish(Socket socket, int millis) throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(millis);
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[256];
        try {
            while (in.read(sink) != -1) {
                // status bytes: nothing to act on once the job is sent
            }
        } catch (SocketTimeoutException e) {
            // the printer keeps the connection open: the job is delivered, close our end
        }
    }

    private PrintFailure timedOut(String what, Throwable cause) {
        return new PrintFailure(PrintFailure.Reason.TIMEOUT, describe(), "The printer at " + describe() + " " + what
                + " within " + timeout.toMillis() / 1000.0 + " s: is it switched on, with paper?", cause);
    }

    private PrintFailure failed(IOException e) {
        return new PrintFailure(PrintFailure.Reason.FAILED, describe(),
                "Could not print on " + describe() + ": " + e.getMessage(), e);
    }
}
