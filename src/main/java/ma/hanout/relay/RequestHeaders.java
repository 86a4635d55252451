package ma.hanout.relay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A request's header fields in arrival order; names compared without case. */
final class RequestHeaders {
    private final List<String[]> fields = new ArrayList<>();

    void add(String name, String value) {
        fields.add(new String[] {name, value});
    }

    /** The first value of {@code name}, or null. */
    String first(String name) {
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                return f[1];
            }
        }
        return null;
    }

    List<String> all(String name) {
        List<String> out = new ArrayList<>();
        for (String[] f : fields) {
            if (f[0].equalsIgnoreCase(name)) {
                out.add(f[1]);
            }
        }
        return out;
    }

    /** Lowercase name to values, for the IPN signature check. */
    Map<String, List<String>> asMap() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String[] f : fields) {
            out.computeIfAbsent(f[0].toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(f[1]);
        }
        return out;
    }
}
