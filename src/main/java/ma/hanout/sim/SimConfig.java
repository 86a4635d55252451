package ma.hanout.sim;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;

/**
 * How a {@link Simulator} starts: the account it serves, its money, the speed of its clock and
 * the faults it injects. Build one with {@link #builder()}; every field has a default.
 *
 * @param port           TCP port on 127.0.0.1; 0 picks a free one
 * @param clientCode     the expected {@code X-Client-Code}
 * @param apiKey         the expected {@code X-Api-Key}
 * @param secret         the API secret that signs webhooks
 * @param balance        the starting balance (may be negative, down to minus the credit limit)
 * @param creditLimit    how far below zero the balance may go
 * @param dailyLimit     the most that may be debited in one day, null for no limit
 * @param webhookUrl     where webhooks go, null for none (also settable through {@code POST /webhook})
 * @param timeScale      multiplies every simulated delay (status progression, webhook retries); 0.01 = 100x faster
 * @param faults         the faults injected from the start
 * @param seed           makes fault injection repeatable; null for a random seed
 * @param clock          the source of every timestamp the simulator writes
 * @param margins        the margin percent per operator, as {@code /prices} shows and billing uses
 * @param webhookTimeout how long a webhook delivery waits for an answer before it counts as "no answer"
 */
public record SimConfig(
        int port,
        String clientCode,
        String apiKey,
        String secret,
        Money balance,
        Money creditLimit,
        Money dailyLimit,
        String webhookUrl,
        double timeScale,
        FaultSpec faults,
        Long seed,
        Clock clock,
        Map<Operator, BigDecimal> margins,
        Duration webhookTimeout) {

    public static final String DEFAULT_CLIENT_CODE = "API-DEMO-0001";
    public static final String DEFAULT_API_KEY = "demo-key";
    public static final String DEFAULT_SECRET = "demo-secret";
    /** Morocco's clock: the real API writes its dates in local time. */
    public static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    public SimConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        clientCode = requireText(clientCode, "client code");
        apiKey = requireText(apiKey, "API key");
        secret = requireText(secret, "secret");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(creditLimit, "creditLimit");
        if (creditLimit.isNegative()) {
            throw new IllegalArgumentException("credit limit must not be negative, not " + creditLimit);
        }
        if (dailyLimit != null && !dailyLimit.isPositive()) {
            throw new IllegalArgumentException("daily limit must be positive, not " + dailyLimit);
        }
        if (webhookUrl != null) {
            webhookUrl = WebhookUrls.check(webhookUrl);
        }
        if (!(timeScale >= 0) || Double.isInfinite(timeScale)) {
            throw new IllegalArgumentException("time scale must be a number >= 0, not " + timeScale);
        }
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(margins, "margins");
        EnumMap<Operator, BigDecimal> m = new EnumMap<>(Operator.class);
        for (Operator o : Operator.values()) {
            BigDecimal margin = margins.get(o);
            if (margin == null) {
                throw new IllegalArgumentException("no margin given for " + o.wireName());
            }
            if (margin.compareTo(BigDecimal.valueOf(100)) >= 0 || margin.compareTo(BigDecimal.valueOf(-100)) <= 0) {
                throw new IllegalArgumentException("margin for " + o.wireName() + " must be between -100 and 100");
            }
            m.put(o, margin);
        }
        margins = Map.copyOf(m);
        Objects.requireNonNull(webhookTimeout, "webhookTimeout");
        if (webhookTimeout.isNegative() || webhookTimeout.isZero()) {
            throw new IllegalArgumentException("webhook timeout must be positive");
        }
    }

    private static String requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException("the " + what + " must not be empty");
        }
        return s.strip();
    }

    /** The defaults of DESIGN section 4: {@code API-DEMO-0001}, {@code demo-key}, {@code demo-secret}, 1000 MAD. */
    public static SimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change a field or two. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.clientCode = clientCode;
        b.apiKey = apiKey;
        b.secret = secret;
        b.balance = balance;
        b.creditLimit = creditLimit;
        b.dailyLimit = dailyLimit;
        b.webhookUrl = webhookUrl;
        b.timeScale = timeScale;
        b.faults = faults;
        b.seed = seed;
        b.clock = clock;
        b.margins = new EnumMap<>(margins);
        b.webhookTimeout = webhookTimeout;
        return b;
    }

    /** The margins of the demo account: the reference's 10 MAD -> 9.35 for Orange and Inwi. */
    public static Map<Operator, BigDecimal> defaultMargins() {
        EnumMap<Operator, BigDecimal> m = new EnumMap<>(Operator.class);
        m.put(Operator.ORANGE, new BigDecimal("6.5"));
        m.put(Operator.INWI, new BigDecimal("6.5"));
        m.put(Operator.MAROC_TELECOM, new BigDecimal("5.0"));
        return m;
    }

    /** Builds a {@link SimConfig}; validation happens in {@link #build()}. */
    public static final class Builder {
        private int port;
        private String clientCode = DEFAULT_CLIENT_CODE;
        private String apiKey = DEFAULT_API_KEY;
        private String secret = DEFAULT_SECRET;
        private Money balance = Money.ofMad(1000);
        private Money creditLimit = Money.ZERO;
        private Money dailyLimit;
        private String webhookUrl;
        private double timeScale = 1.0;
        private FaultSpec faults = FaultSpec.NONE;
        private Long seed;
        private Clock clock = Clock.system(MOROCCO);
        private Map<Operator, BigDecimal> margins = defaultMargins();
        private Duration webhookTimeout = Duration.ofSeconds(10);

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clientCode(String clientCode) {
            this.clientCode = clientCode;
            return this;
        }

        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        public Builder secret(String secret) {
            this.secret = secret;
            return this;
        }

        public Builder balance(Money balance) {
            this.balance = balance;
            return this;
        }

        public Builder creditLimit(Money creditLimit) {
            this.creditLimit = creditLimit;
            return this;
        }

        /** The daily limit, or null for none. */
        public Builder dailyLimit(Money dailyLimit) {
            this.dailyLimit = dailyLimit;
            return this;
        }

        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        public Builder webhookUrl(URI webhookUrl) {
            this.webhookUrl = webhookUrl == null ? null : webhookUrl.toString();
            return this;
        }

        public Builder timeScale(double timeScale) {
            this.timeScale = timeScale;
            return this;
        }

        public Builder faults(FaultSpec faults) {
            this.faults = faults;
            return this;
        }

        /** Parses a DESIGN section 3 fault list; throws {@link IllegalArgumentException} when it is malformed. */
        public Builder faults(String spec) {
            this.faults = FaultSpec.parse(spec);
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder margin(Operator operator, BigDecimal marginPercent) {
            this.margins.put(operator, marginPercent);
            return this;
        }

        public Builder webhookTimeout(Duration webhookTimeout) {
            this.webhookTimeout = webhookTimeout;
            return this;
        }

        public SimConfig build() {
            return new SimConfig(port, clientCode, apiKey, secret, balance, creditLimit, dailyLimit, webhookUrl,
                    timeScale, faults, seed, clock, margins, webhookTimeout);
        }
    }
}
