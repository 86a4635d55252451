package ma.hanout.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in Moroccan dirhams held as whole centimes. Never a {@code double}: JSON numbers are
 * read as {@link BigDecimal} and converted exactly, and an amount with fractions of a centime is
 * refused rather than rounded silently.
 */
public record Money(long centimes) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    /** Far above any top-up or balance a shop sees; keeps arithmetic clear of overflow. */
    private static final long MAX_CENTIMES = 1_000_000_000_000L;

    public Money {
        if (centimes > MAX_CENTIMES || centimes < -MAX_CENTIMES) {
            throw outOfRange(centimes + " centimes");
        }
    }

    public static Money ofCentimes(long centimes) {
        return new Money(centimes);
    }

    public static Money ofMad(long dirhams) {
        if (dirhams > MAX_CENTIMES / 100 || dirhams < -MAX_CENTIMES / 100) {
            throw outOfRange(dirhams + " MAD");
        }
        return new Money(dirhams * 100L);
    }

    /** Exact conversion of an API amount in MAD ({@code 9.35}); more than two decimals is an error. */
    public static Money ofMad(BigDecimal mad) {
        if (mad == null) {
            throw new InvalidMoneyException("money.missing", "Amount missing");
        }
        BigDecimal c = mad.movePointRight(2);
        if (c.abs().compareTo(BigDecimal.valueOf(MAX_CENTIMES)) > 0) {
            // checked first: a huge amount is out of range, not "a fraction of a centime"
            throw outOfRange(mad.toPlainString() + " MAD");
        }
        try {
            return new Money(c.setScale(0, RoundingMode.UNNECESSARY).longValueExact());
        } catch (ArithmeticException e) {
            throw new InvalidMoneyException("money.fraction_of_centime",
                    "Amount " + mad.toPlainString() + " MAD is not a whole number of centimes");
        }
    }

    /** Rounds half-up to the centime; for computed amounts such as {@code value × (1 − margin/100)}. */
    public static Money ofMadRounded(BigDecimal mad) {
        BigDecimal c = mad.movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        if (c.abs().compareTo(BigDecimal.valueOf(MAX_CENTIMES)) > 0) {
            throw outOfRange(mad.toPlainString() + " MAD");
        }
        return new Money(c.longValueExact());
    }

    private static InvalidMoneyException outOfRange(String amount) {
        return new InvalidMoneyException("money.out_of_range", "Amount out of range: " + amount);
    }

    /**
     * Parses what a person types: {@code 10}, {@code 10.5}, {@code 10,50}, {@code 10 DH}, {@code 10 MAD}.
     * Throws {@link InvalidMoneyException} with a reason otherwise.
     */
    public static Money parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidMoneyException("money.empty", "No amount given");
        }
        // display() groups thousands with U+202F; people paste U+00A0 from spreadsheets
        String s = text.replace('\u00a0', ' ').replace('\u202f', ' ').strip();
        String upper = s.toUpperCase(java.util.Locale.ROOT);
        for (String unit : new String[] {"MAD", "DHS", "DH"}) {
            if (upper.endsWith(unit)) {
                s = s.substring(0, s.length() - unit.length()).strip();
                break;
            }
        }
        s = s.replace(" ", "").replace(',', '.');
        if (!s.matches("-?\\d+(\\.\\d+)?")) {
            throw new InvalidMoneyException("money.not_a_number", "Not an amount: '" + text + "'");
        }
        int dot = s.indexOf('.');
        if (dot >= 0 && s.length() - dot - 1 > 2) {
            // "1,000" is a thousand to some and one dirham to others: never guess, even when the
            // third digit is a zero (a shift closed on the wrong guess cannot be changed)
            throw new InvalidMoneyException("money.fraction_of_centime", "An amount stops at centimes (two digits"
                    + " after the decimal mark), not '" + text + "'");
        }
        return ofMad(new BigDecimal(s));
    }

    /** The amount in MAD for JSON: {@code 9.35}, {@code 10} (no trailing zeros). */
    public BigDecimal toMad() {
        BigDecimal d = BigDecimal.valueOf(centimes, 2).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(centimes, other.centimes));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(centimes, other.centimes));
    }

    public Money negate() {
        return new Money(-centimes);
    }

    public boolean isNegative() {
        return centimes < 0;
    }

    public boolean isPositive() {
        return centimes > 0;
    }

    public boolean isWholeDirhams() {
        return centimes % 100 == 0;
    }

    /** {@code 1 250,00 DH}: the French/Moroccan way, with a narrow no-break space between thousands. */
    public String display() {
        return display("DH");
    }

    public String display(String unit) {
        long abs = Math.abs(centimes);
        String whole = Long.toString(abs / 100);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('\u202f');
            }
            grouped.append(whole.charAt(i));
        }
        return (centimes < 0 ? "-" : "") + grouped + "," + String.format("%02d", abs % 100) + " " + unit;
    }

    @Override
    public int compareTo(Money o) {
        return Long.compare(centimes, o.centimes);
    }

    @Override
    public String toString() {
        return toMad().toPlainString() + " MAD";
    }
}
