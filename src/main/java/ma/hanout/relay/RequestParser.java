package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads HTTP/1.x requests from a connection's bytes, incrementally: request line, header fields,
 * then a body framed by Content-Length or chunked transfer coding, per RFC 9112. Strict where
 * leniency invites request smuggling (Content-Length with Transfer-Encoding, differing lengths,
 * obsolete line folding, whitespace before a colon) and bounded everywhere: 16 KiB of head, the
 * relay's body limit. Bytes of a pipelined next request stay buffered for the next call.
 */
final class RequestParser {
    static final int MAX_HEAD = 16 * 1024;
    static final int MAX_TARGET = 8 * 1024;
    private static final Pattern VERSION = Pattern.compile("HTTP/\\d\\.\\d");
    private static final Pattern LENGTH = Pattern.compile("[0-9]{1,18}");
    private static final Pattern CHUNK_SIZE = Pattern.compile("[0-9a-fA-F]{1,8}");

    /** What the bytes so far amount to. */
    static final class Outcome {
        static final Outcome NEED_MORE = new Outcome(null, null, false);

        final HttpRequest request;
        final HttpReply error;
        /** The head asked {@code Expect: 100-continue} and the body has not come yet. */
        final boolean sendContinue;

        private Outcome(HttpRequest request, HttpReply error, boolean sendContinue) {
            this.request = request;
            this.error = error;
            this.sendContinue = sendContinue;
        }
    }

    private enum Body { NONE, LENGTH, CHUNK_SIZE, CHUNK_DATA, CHUNK_CRLF, TRAILERS }

    private final int maxBody;
    private byte[] buf = new byte[4096];
    private int len;
    private int headScan;

    // the request being read, once its head is parsed
    private boolean headDone;
    private String method;
    private String target;
    private String path;
    private String rawQuery;
    private boolean http11;
    private RequestHeaders headers;
    private int pos;
    private Body body = Body.NONE;
    private long remaining;
    private boolean expectContinue;
    private boolean continueOffered;
    private ByteArrayOutputStream chunked;

    RequestParser(int maxBody) {
        this.maxBody = maxBody;
    }

    /** Appends bytes read from the socket. */
    void append(ByteBuffer in) {
        int n = in.remaining();
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
        in.get(buf, len, n);
        len += n;
    }

    /** Whether bytes of a next request are already buffered. */
    boolean hasBuffered() {
        return len > 0;
    }

    /** Tries to complete a request from what is buffered. */
    Outcome next(InetAddress peer) {
        if (!headDone) {
            Outcome o = readHead();
            if (o != null) {
                return o;
            }
        }
        Outcome o = readBody(peer);
        if (o == Outcome.NEED_MORE && expectContinue && !continueOffered) {
            continueOffered = true;
            return new Outcome(null, null, true);
        }
        return o;
    }

    private Outcome readHead() {
        // tolerate empty lines before a request line (RFC 9112 section 2.2)
        int start = 0;
        while (start < len && (buf[start] == '\r' || buf[start] == '\n')) {
            start++;
        }
        int end = -1;
        for (int i = Math.max(start, headScan); i < len; i++) {
            if (buf[i] == '\n') {
                int j = i + 1;
                if (j < len && buf[j] == '\r') {
                    j++;
                }
                if (j < len && buf[j] == '\n') {
                    end = j + 1;
                    break;
                }
            }
        }
        if (end < 0) {
            headScan = Math.max(start, len - 2);
            if (len - start > MAX_HEAD) {
                return fail(431, "request head larger than " + MAX_HEAD + " bytes", "bad_request");
            }
            return Outcome.NEED_MORE;
        }
        if (end - start > MAX_HEAD) {
            return fail(431, "request head larger than " + MAX_HEAD + " bytes", "bad_request");
        }
        String head = new String(buf, start, end - start, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n", -1);
        Outcome bad = requestLine(lines[0]);
        if (bad != null) {
            return bad;
        }
        headers = new RequestHeaders();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                break;
            }
            if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                return fail(400, "obsolete header line folding is not accepted", "bad_request");
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || !isToken(line.substring(0, colon))) {
                return fail(400, "malformed header line: '" + shorten(line) + "'", "bad_request");
            }
            String value = line.substring(colon + 1).strip();
            for (int k = 0; k < value.length(); k++) {
                char c = value.charAt(k);
                if ((c < 0x20 && c != '\t') || c == 0x7f) {
                    return fail(400, "control character in header " + line.substring(0, colon), "bad_request");
                }
            }
            headers.add(line.substring(0, colon), value);
        }
        pos = end;
        headDone = true;
        return framing();
    }

    private Outcome requestLine(String line) {
        String[] parts = line.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !isToken(parts[0]) || parts[1].isEmpty()) {
            return fail(400, "malformed request line", "bad_request");
        }
        if (!VERSION.matcher(parts[2]).matches()) {
            return fail(400, "malformed request line", "bad_request");
        }
        if (!parts[2].equals("HTTP/1.1") && !parts[2].equals("HTTP/1.0")) {
            return fail(505, "only HTTP/1.0 and HTTP/1.1 are served here", "bad_request");
        }
        http11 = parts[2].equals("HTTP/1.1");
        method = parts[0];
        target = parts[1];
        if (target.length() > MAX_TARGET) {
            return fail(414, "request target longer than " + MAX_TARGET + " characters", "bad_request");
        }
        String t = target;
        if (t.regionMatches(true, 0, "http://", 0, 7) || t.regionMatches(true, 0, "https://", 0, 8)) {
            int slash = t.indexOf('/', t.indexOf("//") + 2);
            t = slash < 0 ? "/" : t.substring(slash);
        }
        if (!t.startsWith("/")) {
            return fail(400, "request target must be a path", "bad_request");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return fail(400, "request target has a character that must be percent-encoded", "bad_request");
            }
        }
        int q = t.indexOf('?');
        path = q < 0 ? t : t.substring(0, q);
        rawQuery = q < 0 ? null : t.substring(q + 1);
        return null;
    }

    private Outcome framing() {
        List<String> te = headers.all("Transfer-Encoding");
        List<String> cl = headers.all("Content-Length");
        if (!te.isEmpty()) {
            if (!cl.isEmpty()) {
                return fail(400, "both Content-Length and Transfer-Encoding", "bad_request");
            }
            if (!http11) {
                return fail(400, "Transfer-Encoding in an HTTP/1.0 request", "bad_request");
            }
            if (te.size() != 1 || !te.get(0).strip().equalsIgnoreCase("chunked")) {
                return fail(501, "only the chunked transfer coding is supported", "bad_request");
            }
            body = Body.CHUNK_SIZE;
            chunked = new ByteArrayOutputStream();
        } else if (!cl.isEmpty()) {
            String first = cl.get(0).strip();
            for (String v : cl) {
                if (!v.strip().equals(first)) {
                    return fail(400, "differing Content-Length values", "bad_request");
                }
            }
            if (!LENGTH.matcher(first).matches()) {
                return fail(400, "Content-Length is not a number", "bad_request");
            }
            remaining = Long.parseLong(first);
            if (remaining > maxBody) {
                return tooLarge();
            }
            body = remaining == 0 ? Body.NONE : Body.LENGTH;
        } else {
            body = Body.NONE;
        }
        String expect = headers.first("Expect");
        if (expect != null) {
            if (!expect.strip().equalsIgnoreCase("100-continue")) {
                return fail(417, "only 'Expect: 100-continue' is supported", "bad_request");
            }
            expectContinue = http11;
        }
        return null;
    }

    private Outcome readBody(InetAddress peer) {
        switch (body) {
            case NONE -> {
                return done(peer, new byte[0]);
            }
            case LENGTH -> {
                if (len - pos < remaining) {
                    return Outcome.NEED_MORE;
                }
                byte[] b = Arrays.copyOfRange(buf, pos, pos + (int) remaining);
                pos += (int) remaining;
                return done(peer, b);
            }
            default -> {
                return readChunks(peer);
            }
        }
    }

    private Outcome readChunks(InetAddress peer) {
        while (true) {
            switch (body) {
                case CHUNK_SIZE -> {
                    int eol = lineEnd(pos);
                    if (eol < 0) {
                        return len - pos > 1024 ? fail(400, "chunk size line too long", "bad_request") : Outcome.NEED_MORE;
                    }
                    String line = new String(buf, pos, eol - pos, StandardCharsets.ISO_8859_1).strip();
                    pos = eol + 1;
                    int semi = line.indexOf(';');
                    String size = (semi < 0 ? line : line.substring(0, semi)).strip();
                    if (!CHUNK_SIZE.matcher(size).matches()) {
                        return fail(400, "malformed chunk size", "bad_request");
                    }
                    remaining = Long.parseLong(size, 16);
                    if (chunked.size() + remaining > maxBody) {
                        return tooLarge();
                    }
                    body = remaining == 0 ? Body.TRAILERS : Body.CHUNK_DATA;
                }
                case CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, len - pos);
                    chunked.write(buf, pos, n);
                    pos += n;
                    remaining -= n;
                    if (remaining > 0) {
                        compactBody();
                        return Outcome.NEED_MORE;
                    }
                    body = Body.CHUNK_CRLF;
                }
                case CHUNK_CRLF -> {
                    int eol = lineEnd(pos);
                    if (eol < 0) {
                        return Outcome.NEED_MORE;
                    }
                    if (eol - pos > 1 || (eol - pos == 1 && buf[pos] != '\r')) {
                        return fail(400, "chunk data longer than its size", "bad_request");
                    }
                    pos = eol + 1;
                    body = Body.CHUNK_SIZE;
                }
                case TRAILERS -> {
                    int eol = lineEnd(pos);
                    if (eol < 0) {
                        return len - pos > MAX_HEAD ? fail(431, "trailers too large", "bad_request") : Outcome.NEED_MORE;
                    }
                    boolean empty = eol == pos || (eol == pos + 1 && buf[pos] == '\r');
                    pos = eol + 1;
                    if (empty) {
                        return done(peer, chunked.toByteArray());
                    }
                }
                default -> throw new IllegalStateException(body.name());
            }
        }
    }

    /** Drops decoded chunk bytes already copied out, so a long chunked body does not keep growing the buffer. */
    private void compactBody() {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, len - pos);
            len -= pos;
            pos = 0;
        }
    }

    private int lineEnd(int from) {
        for (int i = from; i < len; i++) {
            if (buf[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private Outcome done(InetAddress peer, byte[] bodyBytes) {
        HttpRequest r = new HttpRequest(method, target, path, rawQuery, headers, bodyBytes, peer, http11);
        // keep the bytes of a pipelined next request
        System.arraycopy(buf, pos, buf, 0, len - pos);
        len -= pos;
        reset();
        return new Outcome(r, null, false);
    }

    private void reset() {
        headDone = false;
        headScan = 0;
        pos = 0;
        body = Body.NONE;
        remaining = 0;
        expectContinue = false;
        continueOffered = false;
        chunked = null;
        headers = null;
    }

    private Outcome tooLarge() {
        return fail(413, "body larger than " + maxBody + " bytes", "too_large");
    }

    private static Outcome fail(int status, String message, String reason) {
        return new Outcome(null, HttpReply.error(status, message, reason), false);
    }

    /** The path of the request whose head was read (for an error that comes before the body). */
    String pathOrNull() {
        return headDone ? path : null;
    }

    private static boolean isToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
            if (!ok) {
                return false;
            }
        }
        return !s.isEmpty();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
