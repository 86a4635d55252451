package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import ma.hanout.webhook.IndependentHmac;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The relay's HTTP/1.1 handling as a client on a bare socket sees it. */
class HttpConnectionTest {
    @TempDir
    Path dir;

    private RelayServer relay;

    @BeforeEach
    void start() {
        relay = RelayServer.start(RelayConfig.builder(0, dir.resolve("relay.db"), "s", List.of("t"))
                .log(new PrintStream(OutputStream.nullOutputStream())).build());
    }

    @AfterEach
    void stop() {
        relay.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", relay.port());
        s.setSoTimeout(10_000);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        s.getOutputStream().flush();
    }

    /** One response: status line and headers, then a Content-Length body. */
    private static String response(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int length = 0;
        String line;
        while (!(line = line(in)).isEmpty()) {
            head.append(line).append('\n');
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).strip());
            }
        }
        return head + "\n" + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("closed");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keepsTheConnectionForSeveralRequestsAndAnswersPipelinedOnesInOrder() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 200 OK").contains("\"ok\":true");
            send(s, "GET /nope HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 404");
            assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void http10AndConnectionCloseGetTheirConnectionClosed() throws Exception {
        try (Socket s = connect()) {
            send(s, "GET /health HTTP/1.0\r\n\r\n");
            assertThat(response(s.getInputStream())).contains("Connection: close");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        try (Socket s = connect()) {
            send(s, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n");
            response(s.getInputStream());
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void garbageGetsA400JsonAndAClosedConnection() throws Exception {
        try (Socket s = connect()) {
            send(s, "HELLO THERE\r\n\r\n");
            String r = response(s.getInputStream());
            // Jetty reads a line without a version as HTTP/0.9 and refuses it with 505
            assertThat(r).matches("(?s)HTTP/1.1 (400|505) .*").contains("application/json").contains("\"error\"");
            assertThat(s.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(new RelayClient(relay.baseUri()).get("/metrics").body())
                .contains("hanout_relay_rejected_total{route=\"http\",reason=\"bad_request\"} 1");
    }

    @Test
    void answers100ContinueThenTheRequest() throws Exception {
        String body = "{\"event\":\"recharge.created\"}";
        String sig = IndependentHmac.hex("s", "1." + body);
        try (Socket s = connect()) {
            send(s, "POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: "
                    + body.length() + "\r\nX-Webhook-Timestamp: 1\r\nX-Webhook-Signature: " + sig + "\r\n\r\n");
            assertThat(line(s.getInputStream())).isEqualTo("HTTP/1.1 100 Continue");
            assertThat(line(s.getInputStream())).isEmpty();
            send(s, body);
            assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 200").endsWith("{\"ok\":true}");
        }
    }

    @Test
    void headGetsHeadersWithoutABody() throws Exception {
        try (Socket s = connect()) {
            send(s, "HEAD /health HTTP/1.1\r\nHost: x\r\n\r\nGET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = response(s.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 200").contains("application/json");
            assertThat(head.substring(head.indexOf("\n\n") + 2)).isEmpty();
            assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aClientLeavingMidBodyDoesNotDisturbOthers() throws Exception {
        try (Socket s = connect()) {
            send(s, "POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"half\":");
        }
        try (Socket s = connect()) {
            send(s, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(response(s.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }
}
