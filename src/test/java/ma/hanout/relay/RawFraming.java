package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A client that sends whatever bytes it likes and reports how the server ended the exchange. */
final class RawFraming {
    /** How a connection ended: the status of an answer (0 if none came) and whether the server closed it. */
    record Outcome(int status, boolean closed, long bytesSent) {
        boolean refused() {
            return (status >= 400 && status < 600) || (status == 0 && closed);
        }

        @Override
        public String toString() {
            return (status == 0 ? "no answer" : "status " + status) + (closed ? ", closed" : ", open") + " after "
                    + bytesSent + " bytes sent";
        }
    }

    private RawFraming() {
    }

    /** Sends {@code text} and reads the answer's status line, if any. */
    static Outcome send(int port, String text) throws IOException {
        return flood(port, text.getBytes(StandardCharsets.ISO_8859_1), new byte[0], 0, 15_000);
    }

    /**
     * Sends {@code prefix}, then {@code unit} again and again until {@code maxBytes} went out or the
     * server stopped taking them; then reads for up to {@code waitMillis} what the server says.
     */
    static Outcome flood(int port, byte[] prefix, byte[] unit, long maxBytes, int waitMillis) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(waitMillis);
            OutputStream out = s.getOutputStream();
            long sent = 0;
            boolean writeFailed = false;
            try {
                out.write(prefix);
                sent += prefix.length;
                if (unit.length > 0) {
                    byte[] block = repeat(unit, 64 * 1024);
                    while (sent < maxBytes) {
                        out.write(block);
                        sent += block.length;
                        if (s.getInputStream().available() > 0) {
                            break;
                        }
                    }
                }
                out.flush();
            } catch (SocketException e) {
                // the server closed on us mid-flood: a refusal
                writeFailed = true;
            }
            return read(s, sent, writeFailed);
        }
    }

    private static Outcome read(Socket s, long sent, boolean writeFailed) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.write(c);
            }
            String status = line.toString(StandardCharsets.ISO_8859_1);
            int code = status.startsWith("HTTP/1.") && status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : 0;
            if (c < 0) {
                return new Outcome(code, true, sent);
            }
            // drain until the server closes or goes quiet (a kept-alive connection after an answer)
            s.setSoTimeout(Math.min(s.getSoTimeout(), 2_000));
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // discard
            }
            return new Outcome(code, true, sent);
        } catch (SocketTimeoutException e) {
            String status = line.toString(StandardCharsets.ISO_8859_1);
            int code = status.startsWith("HTTP/1.") && status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : 0;
            return new Outcome(code, writeFailed, sent);
        } catch (SocketException e) {
            String status = line.toString(StandardCharsets.ISO_8859_1);
            int code = status.startsWith("HTTP/1.") && status.length() >= 12 ? Integer.parseInt(status.substring(9, 12)) : 0;
            return new Outcome(code, true, sent);
        }
    }

    static byte[] repeat(byte[] unit, int atLeast) {
        int times = Math.max(1, atLeast / unit.length);
        byte[] out = new byte[times * unit.length];
        for (int i = 0; i < times; i++) {
            System.arraycopy(unit, 0, out, i * unit.length, unit.length);
        }
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
