package ma.hanout.relay;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The addresses allowed to post webhooks ({@code --allow-ip}): a comma-separated list of IPv4/IPv6
 * addresses and CIDR blocks ({@code 41.77.112.10, 196.200.0.0/16, 2a01:e0a::/32}). Empty allows everyone.
 * Literals are parsed without any DNS lookup.
 */
public final class IpAllowList {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Block> blocks;
    private final String spec;

    private IpAllowList(List<Block> blocks, String spec) {
        this.blocks = blocks;
        this.spec = spec;
    }

    public static IpAllowList everyone() {
        return new IpAllowList(List.of(), "");
    }

    /** Parses the list; throws {@link IllegalArgumentException} naming the entry that is not an address or block. */
    public static IpAllowList parse(String spec) {
        List<Block> blocks = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int slash = entry.indexOf('/');
            String addr = slash < 0 ? entry : entry.substring(0, slash);
            byte[] bytes = literal(addr);
            if (bytes == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                String p = entry.substring(slash + 1);
                if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > bytes.length * 8) {
                    throw new IllegalArgumentException("'" + entry + "' has an invalid prefix length");
                }
                prefix = Integer.parseInt(p);
            }
            blocks.add(new Block(bytes, prefix));
        }
        if (blocks.isEmpty()) {
            throw new IllegalArgumentException("the allow-list is empty");
        }
        return new IpAllowList(List.copyOf(blocks), spec.strip());
    }

    public boolean allows(InetAddress address) {
        if (blocks.isEmpty()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        for (Block b : blocks) {
            if (b.contains(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** An IP literal as bytes, or null when it is not one (no DNS lookup is ever made). */
    static byte[] literal(String s) {
        InetAddress a = address(s);
        return a == null ? null : a.getAddress();
    }

    /** An IP literal as an address, or null when it is not one (no DNS lookup is ever made). */
    static InetAddress address(String s) {
        String t = s.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (IPV4.matcher(t).matches()) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!IPV6.matcher(t).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(t);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "everyone" : spec;
    }
}
