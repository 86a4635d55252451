package ma.hanout.bench;

import java.io.PrintStream;
import java.util.Map;

/**
 * A benchmark harness run by {@code hanout bench NAME}. It measures, prints readable lines, and
 * returns the figures it measured in this run (never a constant); the command prints them as the
 * last line: {@code {"bench": NAME, "figures": {...}}}.
 */
public interface Harness {
    /** Runs the measurement, writing progress and readable results to {@code out}. */
    Map<String, Number> run(PrintStream out) throws Exception;
}
