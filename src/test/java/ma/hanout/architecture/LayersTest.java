package ma.hanout.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rules of the house (DESIGN section 1), read off the sources: which package may name which.
 * An import and a fully qualified name in the code both count.
 */
class LayersTest {
    private static final Path SOURCES = Path.of("src/main/java/ma/hanout");
    private static final Pattern REFERENCE = Pattern.compile("\\bma\\.hanout\\.([a-z]+)\\.");

    /** For each package, the packages it may name (besides itself); absent = anything. */
    private static final Map<String, Set<String>> MAY_USE = Map.of(
            "domain", Set.of(),
            "api", Set.of("domain"),
            "store", Set.of("domain"),
            "webhook", Set.of("domain"),
            "engine", Set.of("domain", "api", "store", "webhook"),
            "sim", Set.of("domain", "webhook"),
            "relay", Set.of("domain", "webhook"),
            "receipt", Set.of("domain"));

    /** Packages that talk to {@code app} and {@code engine} only, never to the API client or SQL. */
    private static final Set<String> FRONT_ENDS = Set.of("ui", "cli");
    private static final Set<String> BEHIND_THE_ENGINE = Set.of("api", "store");

    @Test
    void everyPackageNamesOnlyThePackagesItMayUse() throws IOException {
        List<String> breaches = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = SOURCES.relativize(f);
                if (rel.getNameCount() < 2) {
                    continue; // Main, the dispatcher
                }
                String pkg = rel.getName(0).toString();
                Matcher m = REFERENCE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    String used = m.group(1);
                    if (used.equals(pkg)) {
                        continue;
                    }
                    boolean allowed = MAY_USE.containsKey(pkg) ? MAY_USE.get(pkg).contains(used)
                            : !(FRONT_ENDS.contains(pkg) && BEHIND_THE_ENGINE.contains(used));
                    if (!allowed) {
                        breaches.add(rel + " uses ma.hanout." + used);
                    }
                }
            }
        }
        assertThat(breaches).as("layer breaches").isEmpty();
    }
}
