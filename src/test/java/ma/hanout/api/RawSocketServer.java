package ma.hanout.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A server that speaks just enough HTTP to misbehave: it reads one whole request per connection,
 * then lets a test decide what reaches the client (half an answer, a reset, nothing).
 */
final class RawSocketServer implements AutoCloseable {

    interface Behaviour {
        void afterRequest(Socket socket) throws IOException;
    }

    private final ServerSocket listener;
    private final Thread acceptor;

    RawSocketServer(Behaviour behaviour) {
        try {
            listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket s = listener.accept();
                    readRequest(s.getInputStream());
                    behaviour.afterRequest(s);
                } catch (IOException e) {
                    // closed by the test, or the client went away: nothing to do
                }
            }
        }, "raw-socket-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort() + "/rest/V1/recharge-api";
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).strip()));
            }
        }
    }

    static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
