package ma.hanout.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The faults of DESIGN section 3, parsed from {@code latency=20ms,timeout=0.1,error-before=0.05,...}.
 * Probabilities are chances per recharge request (single or bulk) or per webhook; they are not
 * money, so {@code double} is fine here. {@link #toString()} gives the canonical spec back.
 *
 * @param latency        added before every API answer
 * @param timeout        chance a recharge is processed and then never answered
 * @param errorBefore    chance of a 500 with nothing applied
 * @param errorAfter     chance a recharge is processed and then answered with a 500
 * @param reset          chance a recharge is processed and then the connection is closed without an answer
 * @param webhookDrop    chance a webhook is never sent
 * @param webhookDup     chance a webhook is sent twice
 * @param webhookReorder chance a webhook is sent after the next one
 * @param webhookDelay   every webhook is held this long before its first attempt
 */
public record FaultSpec(
        Duration latency,
        double timeout,
        double errorBefore,
        double errorAfter,
        double reset,
        double webhookDrop,
        double webhookDup,
        double webhookReorder,
        Duration webhookDelay) {

    /** The fault names, in canonical order. */
    public static final List<String> NAMES = List.of("latency", "timeout", "error-before", "error-after", "reset",
            "webhook-drop", "webhook-dup", "webhook-reorder", "webhook-delay");

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m)");
    private static final Duration MAX_DURATION = Duration.ofHours(1);

    /** No fault at all. */
    public static final FaultSpec NONE = new FaultSpec(Duration.ZERO, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);

    public FaultSpec {
        checkDuration("latency", latency);
        checkDuration("webhook-delay", webhookDelay);
        checkChance("timeout", timeout);
        checkChance("error-before", errorBefore);
        checkChance("error-after", errorAfter);
        checkChance("reset", reset);
        checkChance("webhook-drop", webhookDrop);
        checkChance("webhook-dup", webhookDup);
        checkChance("webhook-reorder", webhookReorder);
        if (timeout + errorBefore + errorAfter + reset > 1.0 + 1e-9) {
            throw new IllegalArgumentException(
                    "timeout + error-before + error-after + reset must not add up to more than 1 (one fault per request)");
        }
        if (webhookDrop + webhookDup + webhookReorder > 1.0 + 1e-9) {
            throw new IllegalArgumentException(
                    "webhook-drop + webhook-dup + webhook-reorder must not add up to more than 1 (one fault per webhook)");
        }
    }

    /**
     * Parses a comma-separated list of {@code name=value}; blank means no fault. Throws
     * {@link IllegalArgumentException} with a message naming the bad part.
     */
    public static FaultSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return NONE;
        }
        Duration latency = Duration.ZERO;
        Duration webhookDelay = Duration.ZERO;
        double[] chances = new double[NAMES.size()];
        Set<String> seen = new HashSet<>();
        for (String part : spec.split(",", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new IllegalArgumentException("Invalid fault spec '" + spec + "': empty entry (a stray comma?)");
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Invalid fault spec '" + spec + "': '" + p + "' is not name=value");
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("Invalid fault spec '" + spec + "': unknown fault '" + name
                        + "' (known: " + String.join(", ", NAMES) + ")");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("Invalid fault spec '" + spec + "': '" + name + "' is given twice");
            }
            try {
                switch (name) {
                    case "latency" -> latency = parseDuration(value);
                    case "webhook-delay" -> webhookDelay = parseDuration(value);
                    default -> chances[NAMES.indexOf(name)] = parseChance(value);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Invalid fault spec '" + spec + "': " + name + ": " + e.getMessage());
            }
        }
        try {
            return new FaultSpec(latency, chances[1], chances[2], chances[3], chances[4], chances[5], chances[6],
                    chances[7], webhookDelay);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid fault spec '" + spec + "': " + e.getMessage());
        }
    }

    private static Duration parseDuration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a duration like 20ms, 1s or 2m");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        BigDecimal millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount.movePointRight(3);
            default -> amount.multiply(BigDecimal.valueOf(60_000));
        };
        if (millis.compareTo(BigDecimal.valueOf(MAX_DURATION.toMillis())) > 0) {
            throw new IllegalArgumentException("'" + value + "' is longer than one hour");
        }
        return Duration.ofNanos(millis.movePointRight(6).longValue());
    }

    private static double parseChance(String value) {
        if (!value.matches("\\d+(\\.\\d+)?|\\.\\d+")) {
            throw new IllegalArgumentException("'" + value + "' is not a probability between 0 and 1");
        }
        double d = Double.parseDouble(value);
        if (d > 1) {
            throw new IllegalArgumentException("'" + value + "' is not a probability between 0 and 1");
        }
        return d;
    }

    private static void checkChance(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability between 0 and 1, not " + p);
        }
    }

    private static void checkDuration(String name, Duration d) {
        if (d == null || d.isNegative() || d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(name + " must be a duration between 0 and 1 hour, not " + d);
        }
    }

    /** Whether any fault touches recharge requests (webhook faults aside). */
    boolean affectsRecharges() {
        return timeout + errorBefore + errorAfter + reset > 0;
    }

    boolean affectsWebhooks() {
        return webhookDrop + webhookDup + webhookReorder > 0;
    }

    /** The canonical spec, with only the faults that are set; {@code ""} for none. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        if (!latency.isZero()) {
            parts.add("latency=" + formatDuration(latency));
        }
        addChance(parts, "timeout", timeout);
        addChance(parts, "error-before", errorBefore);
        addChance(parts, "error-after", errorAfter);
        addChance(parts, "reset", reset);
        addChance(parts, "webhook-drop", webhookDrop);
        addChance(parts, "webhook-dup", webhookDup);
        addChance(parts, "webhook-reorder", webhookReorder);
        if (!webhookDelay.isZero()) {
            parts.add("webhook-delay=" + formatDuration(webhookDelay));
        }
        return String.join(",", parts);
    }

    private static void addChance(List<String> parts, String name, double p) {
        if (p > 0) {
            parts.add(name + "=" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString());
        }
    }

    private static String formatDuration(Duration d) {
        BigDecimal ms = BigDecimal.valueOf(d.toNanos()).movePointLeft(6).stripTrailingZeros();
        return ms.toPlainString() + "ms";
    }
}
