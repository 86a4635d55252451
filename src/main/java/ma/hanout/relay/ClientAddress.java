package ma.hanout.relay;

import java.net.InetAddress;
import java.util.List;

/**
 * The address a request really came from. The relay listens on loopback behind a TLS reverse proxy,
 * so when the peer is loopback and the proxy added {@code X-Forwarded-For}, the last entry (the one
 * the proxy appended, not one the client could forge in front of it) is the client.
 */
final class ClientAddress {
    private ClientAddress() {
    }

    static InetAddress of(HttpRequest r) {
        InetAddress peer = r.peer();
        if (!peer.isLoopbackAddress()) {
            return peer;
        }
        List<String> values = r.headers().all("X-Forwarded-For");
        if (values.isEmpty()) {
            return peer;
        }
        String last = values.get(values.size() - 1);
        int comma = last.lastIndexOf(',');
        InetAddress forwarded = IpAllowList.address(comma < 0 ? last : last.substring(comma + 1));
        return forwarded == null ? peer : forwarded;
    }
}
