package ma.hanout.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class RequestParserTest {
    private final RequestParser parser = new RequestParser(1024);

    private RequestParser.Outcome feed(String s) {
        parser.append(ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1)));
        return parser.next(InetAddress.getLoopbackAddress());
    }

    private int errorOf(String s) {
        RequestParser.Outcome o = feed(s);
        assertThat(o.error).as(s).isNotNull();
        return o.error.status();
    }

    @Test
    void readsARequestLineHeadersAndQuery() {
        HttpRequest r = feed("GET /events?after=5&limit=2 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer t\r\n\r\n").request;
        assertThat(r.method()).isEqualTo("GET");
        assertThat(r.path()).isEqualTo("/events");
        assertThat(r.rawQuery()).isEqualTo("after=5&limit=2");
        assertThat(r.header("authorization")).isEqualTo("Bearer t");
        assertThat(r.body()).isEmpty();
        assertThat(r.http11()).isTrue();
    }

    @Test
    void waitsForABodySplitAcrossReads() {
        assertThat(feed("POST /hooks/x HTTP/1.1\r\nContent-Length: 10\r\n\r\n01234").request).isNull();
        HttpRequest r = feed("56789").request;
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("0123456789");
    }

    @Test
    void decodesAChunkedBodyFedOneByteAtATime() {
        String wire = "POST /hooks/x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1\r\n \r\n5\r\nworld\r\n0\r\nX-Trailer: y\r\n\r\n";
        HttpRequest r = null;
        for (char c : wire.toCharArray()) {
            RequestParser.Outcome o = feed(String.valueOf(c));
            assertThat(o.error).isNull();
            if (o.request != null) {
                r = o.request;
            }
        }
        assertThat(new String(r.body(), StandardCharsets.US_ASCII)).isEqualTo("hello world");
    }

    @Test
    void keepsAPipelinedSecondRequestForTheNextCall() {
        HttpRequest first = feed("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\n").request;
        assertThat(first.path()).isEqualTo("/a");
        assertThat(parser.hasBuffered()).isTrue();
        assertThat(parser.next(InetAddress.getLoopbackAddress()).request.path()).isEqualTo("/b");
        assertThat(parser.hasBuffered()).isFalse();
    }

    @Test
    void toleratesEmptyLinesBeforeTheRequestLineAndBareLineFeeds() {
        HttpRequest r = feed("\r\n\nGET /a HTTP/1.0\nHost: x\n\n").request;
        assertThat(r.path()).isEqualTo("/a");
        assertThat(r.http11()).isFalse();
    }

    @Test
    void takesThePathOfAnAbsoluteFormTarget() {
        assertThat(feed("GET http://relay.example.ma/health?x=1 HTTP/1.1\r\n\r\n").request.path()).isEqualTo("/health");
    }

    @Test
    void refusesWhatInvitesRequestSmuggling() {
        assertThat(errorOf("POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesDifferingOrNonNumericLengths() {
        assertThat(errorOf("POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesNonNumericLength() {
        assertThat(errorOf("POST / HTTP/1.1\r\nContent-Length: 3x\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesOtherTransferCodings() {
        assertThat(errorOf("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")).isEqualTo(501);
    }

    @Test
    void refusesObsoleteFoldingAndSpaceBeforeTheColon() {
        assertThat(errorOf("GET / HTTP/1.1\r\nX-A: 1\r\n  folded\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesSpaceBeforeTheColon() {
        assertThat(errorOf("GET / HTTP/1.1\r\nX-A : 1\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesMalformedRequestLinesAndOtherVersions() {
        assertThat(errorOf("GET /\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesHttp2PrefaceLikeVersions() {
        assertThat(errorOf("GET / HTTP/2.0\r\n\r\n")).isEqualTo(505);
    }

    @Test
    void refusesATargetThatIsNotAPathOrNotEncoded() {
        assertThat(errorOf("GET * HTTP/1.1\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesRawNonAsciiInTheTarget() {
        assertThat(errorOf("GET /caf\u00e9 HTTP/1.1\r\n\r\n")).isEqualTo(400);
    }

    @Test
    void refusesAHeadOver16KiB() {
        assertThat(errorOf("GET / HTTP/1.1\r\nX-Big: " + "a".repeat(17_000))).isEqualTo(431);
    }

    @Test
    void refusesABodyOverTheLimitByLength() {
        assertThat(errorOf("POST / HTTP/1.1\r\nContent-Length: 1025\r\n\r\n")).isEqualTo(413);
    }

    @Test
    void refusesAChunkedBodyThatGrowsOverTheLimit() {
        assertThat(feed("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n200\r\n" + "a".repeat(512) + "\r\n").error)
                .isNull();
        assertThat(errorOf("201\r\n")).isEqualTo(413);
    }

    @Test
    void refusesAMalformedChunkSize() {
        assertThat(errorOf("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")).isEqualTo(400);
    }

    @Test
    void offersContinueOnceBeforeTheBodyArrives() {
        RequestParser.Outcome o = feed("POST /hooks/x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        assertThat(o.sendContinue).isTrue();
        assertThat(parser.next(InetAddress.getLoopbackAddress()).sendContinue).isFalse();
        assertThat(feed("ok").request.body()).hasSize(2);
    }

    @Test
    void refusesAnUnknownExpectation() {
        assertThat(errorOf("POST / HTTP/1.1\r\nExpect: magic\r\nContent-Length: 1\r\n\r\n")).isEqualTo(417);
    }
}
