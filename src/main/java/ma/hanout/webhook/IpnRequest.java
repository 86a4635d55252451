package ma.hanout.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an IPN verification looks at: the method and request target as received (path and query),
 * the headers (names compared without case), and the exact body bytes.
 */
public record IpnRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

    public IpnRequest {
        Map<String, List<String>> lower = new LinkedHashMap<>();
        headers.forEach((name, values) -> lower.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values),
                (a, b) -> {
                    List<String> all = new java.util.ArrayList<>(a);
                    all.addAll(b);
                    return List.copyOf(all);
                }));
        headers = Map.copyOf(lower);
    }

    /** The header's values joined by {@code ", "} as HTTP Signatures sign them, or empty when absent. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(", ", values.stream().map(String::strip).toList()));
    }
}
