package ma.hanout.relay;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How a terminal subscribes: the relay's address ({@code https://relay.example.ma}, the
 * {@code /events} path is added), its bearer token, and the MoroccoTopup API secret when the terminal
 * has it (then every recharge event is verified end to end). Backoff and idle timeout have production
 * defaults; tests shorten them.
 */
public record RelaySubscriberConfig(URI relayUrl, String token, Optional<String> moroccoTopupSecret, Clock clock,
        Duration minBackoff, Duration maxBackoff, Duration idleTimeout, Duration connectTimeout) {

    public RelaySubscriberConfig {
        Objects.requireNonNull(relayUrl, "relayUrl");
        if (!"http".equals(relayUrl.getScheme()) && !"https".equals(relayUrl.getScheme())) {
            throw new IllegalArgumentException("the relay address must be http:// or https://, got " + relayUrl);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("a relay token is required");
        }
        moroccoTopupSecret = moroccoTopupSecret.filter(s -> !s.isEmpty());
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive with max >= min");
        }
    }

    /** Defaults: backoff 1 s doubling to 60 s with jitter; a stream silent for 45 s (3 heartbeats) is reopened. */
    public static RelaySubscriberConfig of(URI relayUrl, String token, Optional<String> moroccoTopupSecret) {
        return new RelaySubscriberConfig(relayUrl, token, moroccoTopupSecret, Clock.systemUTC(), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(45), Duration.ofSeconds(10));
    }

    public RelaySubscriberConfig withBackoff(Duration min, Duration max) {
        return new RelaySubscriberConfig(relayUrl, token, moroccoTopupSecret, clock, min, max, idleTimeout, connectTimeout);
    }

    public RelaySubscriberConfig withIdleTimeout(Duration idle) {
        return new RelaySubscriberConfig(relayUrl, token, moroccoTopupSecret, clock, minBackoff, maxBackoff, idle,
                connectTimeout);
    }

    public RelaySubscriberConfig withClock(Clock c) {
        return new RelaySubscriberConfig(relayUrl, token, moroccoTopupSecret, c, minBackoff, maxBackoff, idleTimeout,
                connectTimeout);
    }

    /** The stream's address: the relay address with {@code /events} (unless it already ends so). */
    URI eventsUri() {
        String s = relayUrl.toString();
        if (s.endsWith("/events")) {
            return relayUrl;
        }
        return URI.create(s.endsWith("/") ? s + "events" : s + "/events");
    }
}
