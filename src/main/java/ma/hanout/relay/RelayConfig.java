package ma.hanout.relay;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link RelayServer} needs: the flags of {@code hanout relay} plus the knobs tests turn
 * (clock, heartbeat, retention, queue size). Build with {@link #builder}.
 */
public final class RelayConfig {
    /** The largest webhook body accepted (413 above it). */
    public static final int MAX_BODY_BYTES = 1 << 20;

    final int port;
    /** A SQLite file path, or {@code postgresql://USER:PW@HOST:PORT/DB}. */
    final String database;
    final String moroccoTopupSecret;
    final List<String> tokens;
    final Optional<String> tiqopaySecret;
    final Optional<String> fedapaySecret;
    final Optional<String> ipnKeyId;
    final Optional<String> ipnSecret;
    final Optional<String> ipnPassword;
    final Optional<Duration> tolerance;
    final IpAllowList allowList;
    final Clock clock;
    final Duration heartbeat;
    final Duration retention;
    final Duration retentionSweep;
    final int subscriberQueueBatches;
    final long subscriberBacklogBytes;
    final int maxSubscribers;
    final PrintStream log;

    private RelayConfig(Builder b) {
        this.port = b.port;
        this.database = Objects.requireNonNull(b.database, "database");
        this.moroccoTopupSecret = b.moroccoTopupSecret;
        this.tokens = List.copyOf(b.tokens);
        this.tiqopaySecret = b.tiqopaySecret;
        this.fedapaySecret = b.fedapaySecret;
        this.ipnKeyId = b.ipnKeyId;
        this.ipnSecret = b.ipnSecret;
        this.ipnPassword = b.ipnPassword;
        this.tolerance = b.tolerance;
        this.allowList = b.allowList;
        this.clock = b.clock;
        this.heartbeat = b.heartbeat;
        this.retention = b.retention;
        this.retentionSweep = b.retentionSweep;
        this.subscriberQueueBatches = b.subscriberQueueBatches;
        this.subscriberBacklogBytes = b.subscriberBacklogBytes;
        this.maxSubscribers = b.maxSubscribers;
        this.log = b.log;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (moroccoTopupSecret == null || moroccoTopupSecret.isEmpty()) {
            throw new IllegalArgumentException("the MoroccoTopup API secret is required");
        }
        if (tokens.isEmpty() || tokens.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("at least one non-empty subscriber token is required");
        }
        if (ipnKeyId.isPresent() != ipnSecret.isPresent()) {
            throw new IllegalArgumentException("--ipn-key-id and --ipn-secret go together");
        }
        if (tolerance.isPresent() && (tolerance.get().isNegative() || tolerance.get().isZero())) {
            throw new IllegalArgumentException("the tolerance must be a positive number of seconds");
        }
    }

    /** The required parts: port (0 picks a free one), database file, MoroccoTopup secret, subscriber tokens. */
    public static Builder builder(int port, Path database, String moroccoTopupSecret, List<String> tokens) {
        return new Builder(port, database.toString(), moroccoTopupSecret, tokens);
    }

    /** As {@link #builder(int, Path, String, List)}, {@code database} a SQLite file or a {@code postgresql://} URL. */
    public static Builder builder(int port, String database, String moroccoTopupSecret, List<String> tokens) {
        return new Builder(port, database, moroccoTopupSecret, tokens);
    }

    /** Builder with the production defaults (15 s heartbeat, 30 days retention). */
    public static final class Builder {
        private final int port;
        private final String database;
        private final String moroccoTopupSecret;
        private final List<String> tokens;
        private Optional<String> tiqopaySecret = Optional.empty();
        private Optional<String> fedapaySecret = Optional.empty();
        private Optional<String> ipnKeyId = Optional.empty();
        private Optional<String> ipnSecret = Optional.empty();
        private Optional<String> ipnPassword = Optional.empty();
        private Optional<Duration> tolerance = Optional.empty();
        private IpAllowList allowList = IpAllowList.everyone();
        private Clock clock = Clock.systemUTC();
        private Duration heartbeat = Duration.ofSeconds(15);
        private Duration retention = Duration.ofDays(30);
        private Duration retentionSweep = Duration.ofHours(1);
        private int subscriberQueueBatches = 4096;
        private long subscriberBacklogBytes = 4L << 20;
        private int maxSubscribers = 1000;
        private PrintStream log = System.err;

        private Builder(int port, String database, String moroccoTopupSecret, List<String> tokens) {
            this.port = port;
            this.database = database;
            this.moroccoTopupSecret = moroccoTopupSecret;
            this.tokens = tokens;
        }

        public Builder tiqopaySecret(String s) {
            this.tiqopaySecret = Optional.ofNullable(s);
            return this;
        }

        public Builder fedapaySecret(String s) {
            this.fedapaySecret = Optional.ofNullable(s);
            return this;
        }

        public Builder ipnSignature(String keyId, String secret) {
            this.ipnKeyId = Optional.ofNullable(keyId);
            this.ipnSecret = Optional.ofNullable(secret);
            return this;
        }

        public Builder ipnPassword(String password) {
            this.ipnPassword = Optional.ofNullable(password);
            return this;
        }

        /** MoroccoTopup's optional anti-replay window; none by default (the reference makes it optional). */
        public Builder tolerance(Duration d) {
            this.tolerance = Optional.ofNullable(d);
            return this;
        }

        public Builder allowList(IpAllowList list) {
            this.allowList = Objects.requireNonNull(list);
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        public Builder heartbeat(Duration d) {
            this.heartbeat = Objects.requireNonNull(d);
            return this;
        }

        public Builder retention(Duration keep, Duration sweepEvery) {
            this.retention = Objects.requireNonNull(keep);
            this.retentionSweep = Objects.requireNonNull(sweepEvery);
            return this;
        }

        /** How many committed batches may wait for a subscriber still replaying before it is dropped. */
        public Builder subscriberQueueBatches(int n) {
            this.subscriberQueueBatches = n;
            return this;
        }

        /**
         * How many bytes may wait on a live subscriber's connection before it is dropped (it resumes by
         * Last-Event-ID); 4 MiB by default.
         */
        public Builder subscriberBacklogBytes(long bytes) {
            this.subscriberBacklogBytes = bytes;
            return this;
        }

        public Builder maxSubscribers(int n) {
            this.maxSubscribers = n;
            return this;
        }

        public Builder log(PrintStream out) {
            this.log = Objects.requireNonNull(out);
            return this;
        }

        public RelayConfig build() {
            return new RelayConfig(this);
        }
    }
}
