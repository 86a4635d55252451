package ma.hanout.relay;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import ma.hanout.webhook.WebhookSource;

/**
 * The relay's counters, rendered in the Prometheus text exposition format (version 0.0.4) by
 * {@code GET /metrics}. Lock-free: recording is on the ingest and delivery paths.
 */
final class RelayMetrics {
    /** Upper bounds of the delivery-lag histogram, in seconds. */
    private static final double[] LAG_BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<WebhookSource, LongAdder> received = new ConcurrentHashMap<>();
    private final Map<WebhookSource, LongAdder> duplicates = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejected = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final LongAdder[] lagBuckets = new LongAdder[LAG_BUCKETS.length];
    private final LongAdder lagCount = new LongAdder();
    private final LongAdder lagMillisSum = new LongAdder();
    private final AtomicLong subscribers = new AtomicLong();
    private final LongAdder commits = new LongAdder();
    private final LongAdder commitNanos = new LongAdder();
    private final AtomicLong commitMaxNanos = new AtomicLong();
    private final Map<String, LongSupplier> storeGauges = new java.util.concurrent.ConcurrentSkipListMap<>();
    private volatile LongSupplier lastEventId = () -> 0;

    RelayMetrics() {
        for (int i = 0; i < lagBuckets.length; i++) {
            lagBuckets[i] = new LongAdder();
        }
    }

    void received(WebhookSource source) {
        received.computeIfAbsent(source, s -> new LongAdder()).increment();
    }

    void duplicate(WebhookSource source) {
        duplicates.computeIfAbsent(source, s -> new LongAdder()).increment();
    }

    /** A refused request: {@code route} is a source name or {@code events}; {@code reason} a short snake_case word. */
    void rejected(String route, String reason) {
        rejected.computeIfAbsent(route + "\u0000" + reason, k -> new LongAdder()).increment();
    }

    /** One group commit: one transaction, one fsync, that took {@code nanos}. */
    void committed(long nanos) {
        commits.increment();
        commitNanos.add(nanos);
        commitMaxNanos.accumulateAndGet(nanos, Math::max);
    }

    /** A figure of the event store (a gauge named {@code hanout_relay_store_<name>}), read at each render. */
    void storeGauge(String name, LongSupplier value) {
        storeGauges.put(name, value);
    }

    void subscriberDropped(String reason) {
        dropped.computeIfAbsent(reason, k -> new LongAdder()).increment();
    }

    void subscriberConnected() {
        subscribers.incrementAndGet();
    }

    void subscriberDisconnected() {
        subscribers.decrementAndGet();
    }

    long subscribers() {
        return subscribers.get();
    }

    void lastEventId(LongSupplier supplier) {
        this.lastEventId = supplier;
    }

    /** Time from the relay receiving an event to its being written to {@code subscribers} live subscribers. */
    void deliveryLag(long millis, int subscribers) {
        lagCount.add(subscribers);
        lagMillisSum.add(millis * subscribers);
        double seconds = millis / 1000.0;
        for (int i = 0; i < LAG_BUCKETS.length; i++) {
            if (seconds <= LAG_BUCKETS[i]) {
                lagBuckets[i].add(subscribers);
                return;
            }
        }
    }

    String render() {
        StringBuilder sb = new StringBuilder(2048);
        header(sb, "hanout_relay_events_received_total", "counter", "Webhooks verified and stored, by source.");
        for (WebhookSource s : WebhookSource.values()) {
            sb.append("hanout_relay_events_received_total{source=\"").append(s.wireName()).append("\"} ")
                    .append(sum(received.get(s))).append('\n');
        }
        header(sb, "hanout_relay_events_duplicate_total", "counter",
                "Deliveries of an event already stored (provider retries), answered 200 and not stored again.");
        for (WebhookSource s : WebhookSource.values()) {
            sb.append("hanout_relay_events_duplicate_total{source=\"").append(s.wireName()).append("\"} ")
                    .append(sum(duplicates.get(s))).append('\n');
        }
        header(sb, "hanout_relay_commits_total", "counter",
                "Group commits: transactions (one fsync each) that stored the events above.");
        sb.append("hanout_relay_commits_total ").append(commits.sum()).append('\n');
        header(sb, "hanout_relay_commit_seconds", "summary", "Time the group commits above took (store and fsync).");
        sb.append("hanout_relay_commit_seconds_sum ").append(commitNanos.sum() / 1e9).append('\n');
        sb.append("hanout_relay_commit_seconds_count ").append(commits.sum()).append('\n');
        header(sb, "hanout_relay_commit_seconds_max", "gauge", "The longest group commit since the start.");
        sb.append("hanout_relay_commit_seconds_max ").append(commitMaxNanos.get() / 1e9).append('\n');
        storeGauges.forEach((name, value) -> {
            header(sb, "hanout_relay_store_" + name, "gauge", "A figure of the event store.");
            long v;
            try {
                v = value.getAsLong();
            } catch (RuntimeException e) {
                v = -1;
            }
            sb.append("hanout_relay_store_").append(name).append(' ').append(v).append('\n');
        });
        java.lang.management.MemoryUsage heap = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        header(sb, "hanout_relay_heap_used_bytes", "gauge", "Java heap in use now (live objects and garbage not yet collected).");
        sb.append("hanout_relay_heap_used_bytes ").append(heap.getUsed()).append('\n');
        header(sb, "hanout_relay_heap_max_bytes", "gauge", "The Java heap's limit (-Xmx).");
        sb.append("hanout_relay_heap_max_bytes ").append(heap.getMax()).append('\n');
        header(sb, "hanout_relay_rejected_total", "counter", "Requests refused, by route and reason.");
        new TreeMap<>(rejected).forEach((k, v) -> {
            int cut = k.indexOf('\u0000');
            sb.append("hanout_relay_rejected_total{route=\"").append(k, 0, cut).append("\",reason=\"")
                    .append(k.substring(cut + 1)).append("\"} ").append(v.sum()).append('\n');
        });
        header(sb, "hanout_relay_subscribers", "gauge", "Event-stream subscribers connected now.");
        sb.append("hanout_relay_subscribers ").append(subscribers.get()).append('\n');
        header(sb, "hanout_relay_subscribers_dropped_total", "counter",
                "Subscribers disconnected by the relay (they resume by Last-Event-ID), by reason.");
        new TreeMap<>(dropped).forEach((k, v) ->
                sb.append("hanout_relay_subscribers_dropped_total{reason=\"").append(k).append("\"} ")
                        .append(v.sum()).append('\n'));
        header(sb, "hanout_relay_last_event_id", "gauge", "The highest stream id stored.");
        sb.append("hanout_relay_last_event_id ").append(lastEventId.getAsLong()).append('\n');
        header(sb, "hanout_relay_delivery_lag_seconds", "histogram",
                "Time from receiving a webhook to writing it to a live subscriber.");
        long cumulative = 0;
        for (int i = 0; i < LAG_BUCKETS.length; i++) {
            cumulative += lagBuckets[i].sum();
            sb.append("hanout_relay_delivery_lag_seconds_bucket{le=\"").append(LAG_BUCKETS[i]).append("\"} ")
                    .append(cumulative).append('\n');
        }
        long count = lagCount.sum();
        sb.append("hanout_relay_delivery_lag_seconds_bucket{le=\"+Inf\"} ").append(count).append('\n');
        sb.append("hanout_relay_delivery_lag_seconds_sum ").append(lagMillisSum.sum() / 1000.0).append('\n');
        sb.append("hanout_relay_delivery_lag_seconds_count ").append(count).append('\n');
        return sb.toString();
    }

    private static void header(StringBuilder sb, String name, String type, String help) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static long sum(LongAdder a) {
        return a == null ? 0 : a.sum();
    }
}
