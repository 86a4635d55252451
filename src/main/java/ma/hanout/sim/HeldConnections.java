package ma.hanout.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;

/**
 * Requests that get no answer (the {@code timeout} fault, the {@code 9999} numbers). The exchange
 * is kept open without a thread waiting on it; the client gives up on its own. The JDK server
 * cannot tell us when it does, so a held connection is closed after {@link #MAX_HOLD} (far longer
 * than any sensible client timeout), when more than {@link #MAX_HELD} are held (oldest first), and
 * when the simulator stops.
 */
final class HeldConnections {
    static final Duration MAX_HOLD = Duration.ofMinutes(5);
    static final int MAX_HELD = 1024;

    private record Held(HttpExchange exchange, long sinceNanos) {
    }

    private final ArrayDeque<Held> held = new ArrayDeque<>();

    void hold(HttpExchange exchange) {
        Held oldest = null;
        synchronized (this) {
            held.addLast(new Held(exchange, System.nanoTime()));
            if (held.size() > MAX_HELD) {
                oldest = held.pollFirst();
            }
        }
        if (oldest != null) {
            oldest.exchange().close();
        }
    }

    /** Closes the connections held longer than {@link #MAX_HOLD}. */
    void sweep() {
        long limit = System.nanoTime() - MAX_HOLD.toNanos();
        List<Held> expired = new ArrayList<>();
        synchronized (this) {
            while (!held.isEmpty() && held.peekFirst().sinceNanos() - limit < 0) {
                expired.add(held.pollFirst());
            }
        }
        expired.forEach(h -> h.exchange().close());
    }

    void closeAll() {
        List<Held> all;
        synchronized (this) {
            all = new ArrayList<>(held);
            held.clear();
        }
        all.forEach(h -> h.exchange().close());
    }
}
