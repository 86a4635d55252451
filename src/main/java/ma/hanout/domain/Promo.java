package ma.hanout.domain;

/**
 * The API's {@code type}: {@code 0} for a plain recharge, {@code 1}..{@code 9} for the operator's
 * {@code *N} offers (e.g. 6 => promo *6). Sent as a string on the wire.
 */
public record Promo(int type) {

    public static final Promo PLAIN = new Promo(0);

    public Promo {
        if (type < 0 || type > 9) {
            throw new DomainException("promo.out_of_range", "Recharge type must be 0 (plain) or 1..9 (*N offers), not " + type);
        }
    }

    /** Parses the wire form ("6", "*6", "0", "" = plain). */
    public static Promo parse(String s) {
        if (s == null || s.isBlank()) {
            return PLAIN;
        }
        String t = s.strip();
        if (t.startsWith("*")) {
            t = t.substring(1);
        }
        if (!t.matches("\\d")) {
            throw new DomainException("promo.invalid", "Recharge type must be 0 (plain) or 1..9 (*N offers), not '" + s + "'");
        }
        return new Promo(Integer.parseInt(t));
    }

    public boolean isPlain() {
        return type == 0;
    }

    /** The wire value, {@code "6"}. */
    public String wire() {
        return Integer.toString(type);
    }

    /** The code dialled for the offer, {@code *6}; empty for a plain recharge. */
    public String star() {
        return type == 0 ? "" : "*" + type;
    }

    /** The offers a cashier is offered for {@code operator}, plain first. */
    public static java.util.List<Promo> offeredFor(Operator operator) {
        return switch (operator) {
            case ORANGE -> java.util.List.of(PLAIN, new Promo(1), new Promo(2), new Promo(3), new Promo(5), new Promo(6), new Promo(9));
            case INWI -> java.util.List.of(PLAIN, new Promo(1), new Promo(2), new Promo(3), new Promo(5), new Promo(6), new Promo(9));
            case MAROC_TELECOM -> java.util.List.of(PLAIN, new Promo(1), new Promo(2), new Promo(3), new Promo(5), new Promo(6), new Promo(9));
        };
    }

    /**
     * An i18n key naming what the offer gives on {@code operator}, e.g. {@code promo.inwi.6}; the UI
     * bundles translate it and fall back to {@code promo.generic}.
     */
    public String labelKey(Operator operator) {
        return type == 0 ? "promo.plain" : "promo." + operator.name().toLowerCase(java.util.Locale.ROOT) + "." + type;
    }

    @Override
    public String toString() {
        return type == 0 ? "plain" : star();
    }
}
