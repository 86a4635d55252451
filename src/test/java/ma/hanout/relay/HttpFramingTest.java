package ma.hanout.relay;

import static ma.hanout.relay.RawFraming.ascii;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a hostile client can send the relay's HTTP layer (Jetty) and what it gets: every malformed,
 * ambiguous or endless piece of framing is answered 4xx (or the connection closed), and the relay
 * keeps serving. The minute-long floods under a small heap are in {@link RelayFloodTest}.
 */
class HttpFramingTest {
    private static final long FLOOD_BYTES = 4L << 20;

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

    private RawFraming.Outcome send(String text) throws Exception {
        return RawFraming.send(relay.port(), text);
    }

    private void assertStillServing() {
        HttpResponse<String> r = new RelayClient(relay.baseUri()).get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void headOfHealthIsA200WithoutBody() throws Exception {
        HttpResponse<String> r = new RelayClient(relay.baseUri()).head("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void aRequestWithNoHostOrTwoHostsIsA400() throws Exception {
        assertThat(send("GET /health HTTP/1.1\r\n\r\n").status()).isEqualTo(400);
        assertThat(send("GET /health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n").status()).isEqualTo(400);
        assertThat(send("GET /health HTTP/1.1\r\nHost: a\r\nHost: a\r\n\r\n").status()).isEqualTo(400);
        assertStillServing();
    }

    @Test
    void controlCharactersInLengthOrTransferEncodingAreRefusedNotTrimmed() throws Exception {
        for (char c : new char[] {'\u0001', '\u000b', '\u000c', '\u001f', '\u007f', '\u0000'}) {
            RawFraming.Outcome cl = send("POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\nContent-Length: 2" + c
                    + "\r\n\r\n{}");
            assertThat(cl.status()).as("Content-Length with %02x", (int) c).isBetween(400, 499);
            RawFraming.Outcome te = send("POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked" + c
                    + "\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
            assertThat(te.refused()).as("Transfer-Encoding with %02x: %s", (int) c, te).isTrue();
            assertThat(te.status()).as("Transfer-Encoding with %02x", (int) c).isNotEqualTo(200);
        }
        assertStillServing();
    }

    @Test
    void ambiguousFramingIsRefused() throws Exception {
        String post = "POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\n";
        assertThat(send(post + "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n").refused())
                .isTrue();
        assertThat(send(post + "Content-Length: 3\r\nContent-Length: 4\r\n\r\nabcd").status()).isEqualTo(400);
        assertThat(send(post + "Content-Length: 3x\r\n\r\nabc").status()).isEqualTo(400);
        assertThat(send(post + "Content-Length: -1\r\n\r\n").status()).isEqualTo(400);
        assertThat(send(post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n").status()).isBetween(400, 599);
        assertThat(send(post + "Transfer-Encoding: chunked\r\n\r\nzz\r\n").status()).isEqualTo(400);
        assertThat(send("GET /health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n").status()).isEqualTo(400);
        assertThat(send("GET /health HTTP/1.1\r\nHost: x\r\nX-A : 1\r\n\r\n").status()).isEqualTo(400);
        assertThat(send("GET /health\r\n\r\n").refused()).isTrue();
        assertThat(send("GET /health HTTP/2.0\r\nHost: x\r\n\r\n").status()).isBetween(400, 599);
        assertThat(send("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(17_000) + "\r\n\r\n").status())
                .isEqualTo(431);
        assertStillServing();
    }

    @Test
    void endlessTrailersChunkExtensionsAndBlankLinesAreCutOff() throws Exception {
        byte[] post = ascii("POST /hooks/moroccotopup HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        RawFraming.Outcome trailers = RawFraming.flood(relay.port(), RawFraming.concat(post, ascii("2\r\n{}\r\n0\r\n")),
                ascii("X-Trailer: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"), FLOOD_BYTES, 15_000);
        assertThat(trailers.refused()).as("trailer flood: %s", trailers).isTrue();
        assertThat(trailers.bytesSent()).as("trailer flood: %s", trailers).isLessThan(FLOOD_BYTES);

        RawFraming.Outcome extensions = RawFraming.flood(relay.port(), RawFraming.concat(post, ascii("2;")),
                ascii("a=b;"), FLOOD_BYTES, 15_000);
        assertThat(extensions.refused()).as("chunk-extension flood: %s", extensions).isTrue();
        assertThat(extensions.bytesSent()).as("chunk-extension flood: %s", extensions).isLessThan(FLOOD_BYTES);

        RawFraming.Outcome blank = RawFraming.flood(relay.port(), new byte[0], ascii("\r\n"), FLOOD_BYTES, 15_000);
        assertThat(blank.refused()).as("CR/LF flood: %s", blank).isTrue();
        assertThat(blank.bytesSent()).as("CR/LF flood: %s", blank).isLessThan(FLOOD_BYTES);

        RawFraming.Outcome headers = RawFraming.flood(relay.port(), ascii("GET /health HTTP/1.1\r\nHost: x\r\n"),
                ascii("X-A: b\r\n"), FLOOD_BYTES, 15_000);
        assertThat(headers.status()).as("header flood: %s", headers).isEqualTo(431);
        assertStillServing();
    }
}
