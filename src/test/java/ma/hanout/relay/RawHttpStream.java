package ma.hanout.relay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A bare HTTP/1.1 client on a socket, to see exactly the bytes the relay sends on the event stream
 * (status line, headers, de-chunked body), as any EventSource implementation would receive them.
 */
final class RawHttpStream implements AutoCloseable {
    final int status;
    final Map<String, String> headers = new LinkedHashMap<>();
    private final Socket socket;
    private final InputStream in;
    private final StringBuffer body = new StringBuffer();
    private final Thread reader;
    private volatile boolean ended;
    private volatile boolean endedCleanly;

    RawHttpStream(int port, String requestHead, boolean read) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        OutputStream out = socket.getOutputStream();
        out.write((requestHead + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        in = new BufferedInputStream(socket.getInputStream());
        String statusLine = line();
        status = Integer.parseInt(statusLine.split(" ")[1]);
        String h;
        while (!(h = line()).isEmpty()) {
            int colon = h.indexOf(':');
            headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
        }
        reader = new Thread(this::readBody, "raw-sse-reader");
        reader.setDaemon(true);
        if (read) {
            reader.start();
        }
    }

    static RawHttpStream events(int port, String token, String... extraHeaders) throws IOException {
        StringBuilder req = new StringBuilder("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Accept: text/event-stream\r\n");
        if (token != null) {
            req.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        for (String h : extraHeaders) {
            req.append(h).append("\r\n");
        }
        return new RawHttpStream(port, req.toString(), true);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    private void readBody() {
        try {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                while (true) {
                    int size = Integer.parseInt(line().split(";")[0].strip(), 16);
                    if (size == 0) {
                        endedCleanly = true;
                        break;
                    }
                    body.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line();
                }
            } else {
                int n = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                body.append(new String(in.readNBytes(n), StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            // the connection closed
        } finally {
            ended = true;
        }
    }

    /** Everything received so far (chunks decoded). */
    String body() {
        return body.toString();
    }

    /** Reads a non-streamed answer whole. */
    String fullBody() throws InterruptedException {
        if (!reader.isAlive() && !ended) {
            reader.start();
        }
        reader.join(30_000);
        return body.toString();
    }

    boolean ended() {
        return ended;
    }

    /** The server ended the chunked stream with its last chunk (not a dropped connection). */
    boolean endedCleanly() {
        return endedCleanly;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
