package ma.hanout.bench;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The harnesses {@code hanout bench} knows, by name. Each lives beside the part it measures and
 * is looked up by class name, so a harness is registered here once and parts can land in any order.
 */
public final class Benchmarks {
    private static final Map<String, String> HARNESSES = new TreeMap<>(Map.of(
            "sim", "ma.hanout.bench.SimBench",
            "engine", "ma.hanout.bench.EngineBench",
            "relay", "ma.hanout.bench.RelayBench",
            "relay-pg", "ma.hanout.bench.RelayPgBench",
            "startup", "ma.hanout.bench.StartupBench",
            "history", "ma.hanout.bench.HistoryBench",
            "batch", "ma.hanout.bench.BatchBench",
            "report", "ma.hanout.bench.ReportBench",
            "memory", "ma.hanout.bench.MemoryBench"));

    private Benchmarks() {
    }

    public static Iterable<String> names() {
        return HARNESSES.keySet();
    }

    public static boolean isKnown(String name) {
        return HARNESSES.containsKey(name);
    }

    /** The harness for {@code name}, or empty when it is known but not built into this jar yet. */
    public static Optional<Harness> create(String name) {
        String cls = HARNESSES.get(name);
        if (cls == null) {
            return Optional.empty();
        }
        try {
            return Optional.of((Harness) Class.forName(cls).getDeclaredConstructor().newInstance());
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create harness " + cls, e);
        }
    }
}
