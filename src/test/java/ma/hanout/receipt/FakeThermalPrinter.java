package ma.hanout.receipt;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A network thermal printer on loopback: answers the real-time status request as an online
 * printer does and keeps every job it receives; or, {@code silent}, accepts connections and never
 * reads a byte, like a printer that hangs.
 */
public final class FakeThermalPrinter implements AutoCloseable {
    private final ServerSocket server;
    private final boolean silent;
    private boolean stallAfterStatus;
    private final BlockingQueue<byte[]> jobs = new LinkedBlockingQueue<>();
    private final Thread thread;

    private FakeThermalPrinter(boolean silent) throws IOException {
        this.silent = silent;
        this.server = new ServerSocket();
        if (silent) {
            server.setReceiveBufferSize(1024);
        }
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.thread = new Thread(this::serve, "fake-thermal-printer");
        thread.setDaemon(true);
        thread.start();
    }

    public static FakeThermalPrinter answering() throws IOException {
        return new FakeThermalPrinter(false);
    }

    /** Accepts and never reads. */
    public static FakeThermalPrinter silent() throws IOException {
        return new FakeThermalPrinter(true);
    }

    /** Answers the status request, then stops reading: a printer that jams mid-job. */
    public static FakeThermalPrinter stallingAfterStatus() throws IOException {
        FakeThermalPrinter p = new FakeThermalPrinter(true);
        p.stallAfterStatus = true;
        return p;
    }

    public String uri() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** The next whole job received (the connection closed by the sender), within 30 s. */
    public byte[] nextJob() throws InterruptedException {
        byte[] job = jobs.poll(30, TimeUnit.SECONDS);
        if (job == null) {
            throw new AssertionError("the fake printer received no job within 30 s");
        }
        return job;
    }

    public boolean hasJob() {
        return !jobs.isEmpty();
    }

    private void serve() {
        java.util.List<Socket> held = new java.util.ArrayList<>();
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                if (silent) {
                    held.add(s); // never read: the sender's writes pile up until they block
                    if (stallAfterStatus) {
                        byte[] request = s.getInputStream().readNBytes(3);
                        if (request.length == 3) {
                            s.getOutputStream().write(0x12);
                            s.getOutputStream().flush();
                        }
                    }
                    continue;
                }
                try (s) {
                    jobs.add(readJob(s));
                }
            } catch (IOException e) {
                // closed
            }
        }
        for (Socket s : held) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
    }

    private static byte[] readJob(Socket s) throws IOException {
        InputStream in = new java.io.BufferedInputStream(s.getInputStream());
        OutputStream out = s.getOutputStream();
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        int prev2 = -1;
        int prev = -1;
        int c;
        boolean answering = true;
        while (true) {
            try {
                c = in.read();
            } catch (IOException reset) {
                break; // the sender closed hard after its last byte: the job is what arrived
            }
            if (c == -1) {
                break;
            }
            job.write(c);
            if (answering && prev2 == 0x10 && prev == 0x04) {
                // DLE EOT n answer: online, no error. The same two bytes also occur by chance inside
                // raster image data, after which the sender may already have closed: a reply that
                // cannot be written must not lose the job.
                try {
                    out.write(0x12);
                    out.flush();
                } catch (IOException closed) {
                    answering = false;
                }
            }
            prev2 = prev;
            prev = c;
        }
        return job.toByteArray();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
