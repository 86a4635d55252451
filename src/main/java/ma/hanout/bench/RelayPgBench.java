package ma.hanout.bench;

import java.io.PrintStream;
import java.util.Map;

/**
 * {@code hanout bench relay-pg}: the relay bench with the PostgreSQL store and two relay instances
 * on one database (a chain), subscribers and posters split between them. Starts a throwaway
 * PostgreSQL from the installed binaries, or uses the empty database named by {@code HANOUT_BENCH_PG}.
 */
public final class RelayPgBench implements Harness {
    @Override
    public Map<String, Number> run(PrintStream out) throws Exception {
        return new RelayBench(true).run(out);
    }
}
