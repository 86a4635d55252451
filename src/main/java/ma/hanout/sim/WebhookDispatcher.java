package ma.hanout.sim;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import ma.hanout.webhook.MoroccoTopupSignature;

/**
 * Sends the signed webhooks of the reference: {@code Content-Type: application/json},
 * {@code X-Webhook-Timestamp} (unix seconds) and {@code X-Webhook-Signature} (hex HMAC-SHA256 of
 * {@code timestamp.body} with the API secret). Anything but a 2xx, or no answer, is retried six
 * times after 60 s, 5 min, 15 min, 30 min, 1 h and 2 h, each multiplied by the time scale.
 *
 * <p>Runs on its own threads and never blocks the API. The first attempts of one recharge's
 * events go out in the order the events happened (each waits for the previous first attempt to
 * end), unless a webhook fault says otherwise; retries run on their own schedule.
 */
final class WebhookDispatcher {
    static final List<Duration> RETRY_DELAYS = List.of(Duration.ofSeconds(60), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2));

    /** One event on its way to one URL. */
    private record Delivery(String eventId, String event, String url, byte[] body, String refInterne,
            String externalReference, Integer statusCodeOld, int statusCodeNew, boolean sandbox, boolean duplicate,
            long generation) {
        Delivery asDuplicate() {
            return new Delivery(eventId, event, url, body, refInterne, externalReference, statusCodeOld,
                    statusCodeNew, sandbox, true, generation);
        }
    }

    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final MoroccoTopupSignature signature;
    private final SimDates dates;
    private final double timeScale;
    private final FaultDice dice;
    private final Duration timeout;
    private final ScheduledExecutorService timer;
    private final ExecutorService senders;
    private final AtomicLong eventIds = new AtomicLong();
    private final ConcurrentHashMap<String, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();
    private final List<WebhookAttempt> attempts = new ArrayList<>();
    private volatile HttpClient http;
    /** Moves on at each {@link #clear()}: deliveries of an earlier generation are dropped, retries included. */
    private volatile long generation;
    private Delivery reordered;

    WebhookDispatcher(String secret, SimDates dates, double timeScale, FaultDice dice, Duration timeout,
            ScheduledExecutorService timer, ExecutorService senders) {
        this.signature = new MoroccoTopupSignature(secret);
        this.dates = dates;
        this.timeScale = timeScale;
        this.dice = dice;
        this.timeout = timeout;
        this.timer = timer;
        this.senders = senders;
    }

    /**
     * Queues one event for {@code url} (nothing when the URL is null). Called in the order events
     * happen for a recharge.
     */
    void publish(String url, String event, byte[] body, RechargeRecord.View recharge, Integer statusOld,
            int statusNew) {
        if (url == null) {
            return;
        }
        Delivery d = new Delivery("evt_" + eventIds.incrementAndGet(), event, url, body, recharge.refInterne(),
                recharge.externalReference(), statusOld, statusNew,
                recharge.environment() == Environment.SANDBOX, false, generation);
        FaultDice.WebhookFault fault = dice.nextWebhookFault();
        if (fault == FaultDice.WebhookFault.DROP) {
            return;
        }
        Delivery held;
        synchronized (this) {
            held = reordered;
            if (fault == FaultDice.WebhookFault.REORDER && held == null) {
                reordered = d;
                scheduleReorderFlush(d);
                return;
            }
            reordered = null;
        }
        CompletableFuture<Void> sent = enqueue(d, null);
        if (fault == FaultDice.WebhookFault.DUP) {
            sent = enqueue(d.asDuplicate(), null);
        }
        if (held != null) {
            enqueue(held, sent);
        }
    }

    /** A webhook held back by {@code webhook-reorder} goes anyway when no next one comes in time. */
    private void scheduleReorderFlush(Delivery d) {
        long window = Math.max(TimeUnit.MILLISECONDS.toNanos(50), scaled(Duration.ofSeconds(5)));
        schedule(() -> {
            synchronized (this) {
                if (reordered != d) {
                    return;
                }
                reordered = null;
            }
            enqueue(d, null);
        }, window);
    }

    /** Every attempt so far, oldest first. */
    synchronized List<WebhookAttempt> attempts() {
        return List.copyOf(attempts);
    }

    synchronized void clear() {
        generation++;
        attempts.clear();
        reordered = null;
    }

    private CompletableFuture<Void> enqueue(Delivery d, CompletableFuture<Void> after) {
        CompletableFuture<Void> firstAttempt = new CompletableFuture<>();
        tails.compute(d.refInterne(), (key, tail) -> {
            CompletableFuture<Void> previous = tail == null ? DONE : tail;
            CompletableFuture<Void> gate = after == null ? previous : CompletableFuture.allOf(previous, after);
            gate.whenCompleteAsync((x, e) -> startFirstAttempt(d, firstAttempt), senders);
            return firstAttempt;
        });
        firstAttempt.whenComplete((x, e) -> tails.remove(d.refInterne(), firstAttempt));
        return firstAttempt;
    }

    private void startFirstAttempt(Delivery d, CompletableFuture<Void> done) {
        Duration delay = dice.spec().webhookDelay();
        if (delay.isZero()) {
            attempt(d, 1, done);
        } else if (!schedule(() -> attempt(d, 1, done), delay.toNanos())) {
            done.complete(null);
        }
    }

    private void attempt(Delivery d, int number, CompletableFuture<Void> done) {
        if (d.generation() != generation) {
            if (done != null) {
                done.complete(null);
            }
            return;
        }
        String at = dates.instant(dates.now());
        String timestamp = Long.toString(dates.now().getEpochSecond());
        CompletableFuture<HttpResponse<Void>> response;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(d.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "MoroccoTopup-Simulator")
                    .header(MoroccoTopupSignature.TIMESTAMP_HEADER, timestamp)
                    .header(MoroccoTopupSignature.SIGNATURE_HEADER, signature.sign(timestamp, d.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body()))
                    .build();
            response = client().sendAsync(request, HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((r, error) -> {
            if (d.generation() != generation) {
                if (done != null) {
                    done.complete(null);
                }
                return;
            }
            Integer status = r == null ? null : r.statusCode();
            record(new WebhookAttempt(d.eventId(), d.event(), number, status, at, d.url(), d.refInterne(),
                    d.externalReference(), d.statusCodeOld(), d.statusCodeNew(), d.sandbox(), d.duplicate(),
                    error == null ? null : describe(error)));
            boolean delivered = status != null && status >= 200 && status < 300;
            if (!delivered && number <= RETRY_DELAYS.size()) {
                schedule(() -> attempt(d, number + 1, null), scaled(RETRY_DELAYS.get(number - 1)));
            }
            if (done != null) {
                done.complete(null);
            }
        });
    }

    private synchronized void record(WebhookAttempt a) {
        attempts.add(a);
    }

    private boolean schedule(Runnable task, long delayNanos) {
        try {
            timer.schedule(() -> {
                try {
                    senders.execute(task);
                } catch (RejectedExecutionException closed) {
                    // the simulator is shutting down: pending webhooks are dropped with it
                }
            }, delayNanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (RejectedExecutionException closed) {
            return false;
        }
    }

    private long scaled(Duration d) {
        return (long) (d.toNanos() * timeScale);
    }

    private HttpClient client() {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    // created on the first webhook: most simulators never send one
                    c = HttpClient.newBuilder()
                            .version(HttpClient.Version.HTTP_1_1)
                            .connectTimeout(timeout)
                            .executor(senders)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    private static String describe(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof HttpTimeoutException) {
            return "timeout: no answer";
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof IOException) {
            return "connection error: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
