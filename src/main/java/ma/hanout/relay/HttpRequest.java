package ma.hanout.relay;

import java.net.InetAddress;

/**
 * One parsed HTTP/1.x request: method, request target as received (path and query, still
 * percent-encoded), headers, the whole body, and the peer's address.
 */
record HttpRequest(String method, String target, String path, String rawQuery, RequestHeaders headers, byte[] body,
        InetAddress peer, boolean http11) {

    /** The header's first value, or null. */
    String header(String name) {
        return headers.first(name);
    }
}
