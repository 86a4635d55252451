package ma.hanout.relay;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The terminal's side of the relay: keeps one Server-Sent Events stream open to {@code GET /events}
 * with the terminal's token, resumes after the last event it handled ({@link RelayCursor}), reconnects
 * with exponential backoff and jitter (the relay's {@code retry:} as the floor), reopens a stream that
 * has been silent for longer than the idle timeout (the relay sends a heartbeat every 15 s), and hands
 * events to the sinks through {@link RelayEventDispatcher}. Uses the JDK HttpClient with its own
 * WHATWG event-stream parser; events are handled one at a time with back-pressure.
 *
 * <p>Start with {@link #start}; stop with {@link #close}. Wiring in the engine:
 * {@code RelaySubscriber.start(RelaySubscriberConfig.of(url, token, secret), cursor, engineRecharges,
 * enginePayments, statusListener)}.
 */
public final class RelaySubscriber implements AutoCloseable {
    private static final int MAX_LINE_BYTES = 32 << 20;

    private final RelaySubscriberConfig config;
    private final RelayEventDispatcher dispatcher;
    private final RelaySubscriberListener listener;
    private final HttpClient client;
    private final URI uri;
    private final Thread thread;
    private final Object wake = new Object();
    private volatile boolean closed;
    private volatile RelayConnectionState state = RelayConnectionState.DISCONNECTED;
    private volatile Stream current;
    private volatile long retryFloorMillis;

    private RelaySubscriber(RelaySubscriberConfig config, RelayEventDispatcher dispatcher,
            RelaySubscriberListener listener) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.listener = listener;
        this.uri = config.eventsUri();
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // plain http: no h2c upgrade dance; https negotiates HTTP/2 through ALPN as usual
                .version("http".equals(uri.getScheme()) ? HttpClient.Version.HTTP_1_1 : HttpClient.Version.HTTP_2)
                .build();
        this.thread = new Thread(this::run, "relay-subscriber");
        this.thread.setDaemon(true);
    }

    /** Starts subscribing in the background; returns at once. */
    public static RelaySubscriber start(RelaySubscriberConfig config, RelayCursor cursor, RechargeStatusSink recharges,
            PaymentSink payments, RelaySubscriberListener listener) {
        RelayEventDispatcher dispatcher = new RelayEventDispatcher(config.moroccoTopupSecret(), recharges, payments,
                cursor, listener, config.clock());
        RelaySubscriber s = new RelaySubscriber(config, dispatcher, listener);
        s.thread.start();
        return s;
    }

    public RelayConnectionState state() {
        return state;
    }

    /** Events handed to a sink since start. */
    public long deliveredEvents() {
        return dispatcher.delivered();
    }

    /** Events refused since start (signature did not verify, or unreadable). */
    public long rejectedEvents() {
        return dispatcher.rejected();
    }

    /** The id of the last event handled (what a reconnect resumes after), or null. */
    public String lastEventId() {
        return dispatcher.lastId();
    }

    private void run() {
        int failures = 0;
        while (!closed) {
            setState(RelayConnectionState.CONNECTING, "connecting to " + uri);
            Outcome outcome = attempt();
            if (closed) {
                break;
            }
            failures = outcome.wasConnected() ? 1 : failures + 1;
            long delay = backoffMillis(failures);
            setState(RelayConnectionState.DISCONNECTED, outcome.reason() + "; retrying in " + delay + " ms");
            pause(delay);
        }
        setState(RelayConnectionState.STOPPED, "stopped");
    }

    /** Exponential from the floor (the relay's retry: or the configured minimum), capped, half of it random. */
    private long backoffMillis(int failures) {
        long floor = Math.max(config.minBackoff().toMillis(), retryFloorMillis);
        long max = Math.max(config.maxBackoff().toMillis(), floor);
        long d = floor;
        for (int i = 1; i < failures && d < max; i++) {
            d *= 2;
        }
        d = Math.min(d, max);
        return d / 2 + ThreadLocalRandom.current().nextLong(d / 2 + 1);
    }

    private record Outcome(boolean wasConnected, String reason) {
    }

    private Outcome attempt() {
        Stream stream = new Stream();
        current = stream;
        if (closed) {
            return new Outcome(false, "stopped");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET()
                .header("Accept", "text/event-stream")
                .header("Cache-Control", "no-cache")
                .header("Authorization", "Bearer " + config.token());
        String last = dispatcher.lastId();
        if (last != null) {
            request.header("Last-Event-ID", last);
        }
        client.sendAsync(request.build(), stream::begin).whenComplete((r, err) -> {
            if (err != null) {
                stream.finish(describe(err));
            }
        });
        long idleNanos = config.idleTimeout().toNanos();
        while (true) {
            try {
                return stream.done.get(250, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (closed) {
                    stream.cancel("stopped");
                } else if (System.nanoTime() - stream.lastActivity > idleNanos) {
                    stream.cancel("no data from the relay for " + config.idleTimeout().toSeconds() + " s");
                }
            } catch (InterruptedException e) {
                stream.cancel("stopped");
                Thread.currentThread().interrupt();
                return new Outcome(stream.connected, "stopped");
            } catch (ExecutionException e) {
                return new Outcome(stream.connected, describe(e.getCause()));
            }
        }
    }

    private static String describe(Throwable t) {
        Throwable root = t;
        while ((root instanceof java.util.concurrent.CompletionException || root instanceof ExecutionException)
                && root.getCause() != null) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return "connection failed: " + root.getClass().getSimpleName() + (m == null ? "" : " (" + m + ")");
    }

    /**
     * Tells the listener first and publishes the state after: whoever reads {@link #state()} may
     * rely on the listener having been told (a test waiting on the state, the engine's relay flag).
     */
    private synchronized void setState(RelayConnectionState s, String detail) {
        if (state != s) {
            listener.onStateChanged(s, detail);
            state = s;
        }
    }

    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        synchronized (wake) {
            long left;
            while (!closed && (left = until - System.currentTimeMillis()) > 0) {
                try {
                    wake.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops the subscription and waits (briefly) for its thread. The cursor keeps where it got to. */
    @Override
    public void close() {
        closed = true;
        Stream s = current;
        if (s != null) {
            s.cancel("stopped");
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One HTTP response: the event stream when it is a 200 text/event-stream, else the error text. */
    private final class Stream implements Flow.Subscriber<List<ByteBuffer>>, SseParser.Listener {
        final CompletableFuture<Outcome> done = new CompletableFuture<>();
        final SseParser parser = new SseParser(this, MAX_LINE_BYTES);
        final ByteArrayOutputStream errorBody = new ByteArrayOutputStream();
        volatile long lastActivity = System.nanoTime();
        volatile boolean connected;
        volatile boolean cancelled;
        volatile Flow.Subscription subscription;
        int status;

        HttpResponse.BodySubscriber<Void> begin(HttpResponse.ResponseInfo info) {
            lastActivity = System.nanoTime();
            status = info.statusCode();
            String type = info.headers().firstValue("Content-Type").orElse("");
            if (status == 200 && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/event-stream")) {
                connected = true;
                setState(RelayConnectionState.CONNECTED, "streaming from " + uri
                        + (dispatcher.lastId() == null ? "" : " after event " + dispatcher.lastId()));
            }
            return HttpResponse.BodySubscribers.fromSubscriber(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(1);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (cancelled) {
                return;
            }
            lastActivity = System.nanoTime();
            try {
                for (ByteBuffer b : items) {
                    if (connected) {
                        parser.feed(b);
                    } else if (errorBody.size() < 2048) {
                        byte[] chunk = new byte[Math.min(b.remaining(), 2048 - errorBody.size())];
                        b.get(chunk);
                        errorBody.write(chunk, 0, chunk.length);
                    }
                }
            } catch (Exception e) {
                cancel(e instanceof SseParser.StreamTooLong ? e.getMessage()
                        : "an event could not be handled, it will come again: " + e);
                return;
            }
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            finish(describe(t));
        }

        @Override
        public void onComplete() {
            if (connected) {
                finish("the relay closed the stream");
            } else {
                String body = errorBody.toString(StandardCharsets.UTF_8).strip();
                if (status == 409 && body.contains("unknown_event_id")) {
                    String at = dispatcher.lastId();
                    dispatcher.forgetPosition();
                    finish("the relay does not know event " + at + " (its database was replaced?); "
                            + "starting over from its first event");
                    return;
                }
                finish((status == 401 ? "the relay refused the token (401)" : "the relay answered HTTP " + status)
                        + (body.isEmpty() ? "" : ": " + body));
            }
        }

        @Override
        public void onEvent(SseParser.Event event) {
            dispatcher.handle(event);
        }

        @Override
        public void onRetry(long millis) {
            retryFloorMillis = Math.min(millis, config.maxBackoff().toMillis());
        }

        void finish(String reason) {
            done.complete(new Outcome(connected, reason));
        }

        void cancel(String reason) {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            finish(reason);
        }
    }
}
