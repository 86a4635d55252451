package ma.hanout.sim;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The account's {@code ip_whitelist}: a comma-separated list of IP addresses, kept as written
 * (the API echoes it back) and as normalised addresses for the check. Empty allows every address.
 *
 * @param text      the list as the client wrote it, stripped
 * @param addresses the normalised addresses
 */
record IpWhitelist(String text, Set<String> addresses) {
    static final IpWhitelist EMPTY = new IpWhitelist("", Set.of());

    /** Parses {@code "1.2.3.4, 5.6.7.8"}; throws {@link IllegalArgumentException} naming a bad entry. */
    static IpWhitelist parse(String text) {
        if (text == null || text.isBlank()) {
            return EMPTY;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (!p.isEmpty()) {
                out.add(normalise(p));
            }
        }
        return new IpWhitelist(text.strip(), Set.copyOf(out));
    }

    boolean allows(String address) {
        return addresses.isEmpty() || addresses.contains(address);
    }

    private static String normalise(String entry) {
        boolean ipv4 = entry.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = entry.contains(":") && entry.matches("[0-9A-Fa-f:.]+");
        if (ipv4) {
            for (String octet : entry.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    throw new IllegalArgumentException("'" + entry + "' is not an IP address");
                }
            }
        }
        if (!ipv4 && !ipv6) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address (IPv4 like 1.2.3.4 or IPv6)");
        }
        try {
            // a literal: no name lookup happens
            return InetAddress.getByName(entry).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address");
        }
    }
}
