package ma.hanout.sim;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * Puts a {@link Reply} on the wire. The {@code latency} fault delays the answer on a timer
 * rather than by sleeping, so a slow answer does not take an HTTP thread; a held request takes
 * none either.
 */
final class Responder {
    private final Executor executor;
    private final ScheduledExecutorService timer;
    private final HeldConnections held;
    private final Supplier<Duration> latency;

    Responder(Executor executor, ScheduledExecutorService timer, HeldConnections held, Supplier<Duration> latency) {
        this.executor = executor;
        this.timer = timer;
        this.held = held;
        this.latency = latency;
    }

    /** Answers {@code exchange}, after the configured latency when {@code delayed}. Owns the exchange from here. */
    void answer(HttpExchange exchange, Reply reply, boolean delayed) {
        if (reply instanceof Reply.Hold) {
            held.hold(exchange);
            return;
        }
        long delay = delayed ? latency.get().toNanos() : 0;
        if (delay <= 0) {
            send(exchange, reply);
            return;
        }
        try {
            timer.schedule(() -> executor.execute(() -> send(exchange, reply)), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        // closing an exchange that sent no headers closes the connection: that is the Reset reply
        try (exchange) {
            if (reply instanceof Reply.Json json) {
                exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
                if (json.allow() != null) {
                    exchange.getResponseHeaders().set("Allow", json.allow());
                }
                exchange.sendResponseHeaders(json.status(), json.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(json.body());
                }
            }
        } catch (IOException clientGone) {
            // the client closed the connection first: nobody is left to answer
        }
    }
}
