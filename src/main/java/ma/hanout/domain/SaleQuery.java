package ma.hanout.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the history screen and {@code hanout history} search for. Every field is optional (null
 * or empty = any); the fields that are set must all match.
 *
 * @param phone       a whole number in any form {@link Phone#parse} accepts, or the first digits of one
 *                    ({@code 0612}, {@code 06 12 3}, {@code +212 61}); kept as national digits
 * @param reference   the external reference or the {@code ref_interne}, whole or its beginning
 * @param from        created at or after (inclusive)
 * @param to          created before (exclusive)
 * @param states      any of these local states
 * @param statusCodes any of these server status codes
 * @param operator    this operator
 */
public record SaleQuery(String phone, String reference, Instant from, Instant to, Set<SaleState> states,
        Set<Integer> statusCodes, Operator operator) {

    /** Every sale. */
    public static final SaleQuery ALL = new SaleQuery(null, null, null, null, null, null, null);

    public SaleQuery {
        phone = phone == null || phone.isBlank() ? null : phoneDigits(phone);
        reference = reference == null || reference.isBlank() ? null : reference.strip();
        states = states == null || states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        statusCodes = statusCodes == null ? Set.of() : Set.copyOf(statusCodes);
        if (from != null && to != null && from.isAfter(to)) {
            throw new DomainException("query.dates_reversed", "The start date " + from + " is after the end date " + to);
        }
    }

    public SaleQuery withPhone(String p) {
        return new SaleQuery(p, reference, from, to, states, statusCodes, operator);
    }

    public SaleQuery withReference(String r) {
        return new SaleQuery(phone, r, from, to, states, statusCodes, operator);
    }

    public SaleQuery between(Instant f, Instant t) {
        return new SaleQuery(phone, reference, f, t, states, statusCodes, operator);
    }

    public SaleQuery withStates(Set<SaleState> s) {
        return new SaleQuery(phone, reference, from, to, s, statusCodes, operator);
    }

    public SaleQuery withStatusCodes(Set<Integer> codes) {
        return new SaleQuery(phone, reference, from, to, states, codes, operator);
    }

    public SaleQuery withOperator(Operator o) {
        return new SaleQuery(phone, reference, from, to, states, statusCodes, o);
    }

    /** True when {@link #phone} is a whole national number rather than its first digits. */
    public boolean phoneIsWhole() {
        return phone != null && phone.length() == 10;
    }

    /**
     * A whole number becomes its national form; first digits become national first digits:
     * {@code +212 61} and {@code 61} both mean numbers starting {@code 061}.
     */
    private static String phoneDigits(String input) {
        if (Phone.isValid(input)) {
            return Phone.parse(input).national();
        }
        String raw = input.strip();
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (Character.isDigit(c)) {
                digits.append((char) ('0' + Character.digit(c, 10)));
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (" .-/()\u00a0".indexOf(c) < 0) {
                throw new DomainException("query.phone_invalid",
                        "Search a phone number with digits only, not '" + input + "'");
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            throw new DomainException("query.phone_invalid", "Search a phone number with digits, not '" + input + "'");
        }
        String international = d.startsWith("00") ? d.substring(2) : plus || d.startsWith("212") ? d : null;
        if (international == null) {
            // national numbers all start with 0: "61" can only mean 061...
            return d.startsWith("6") || d.startsWith("7") ? "0" + d : d;
        }
        if (!international.startsWith("212")) {
            return "+" + international; // a foreign number: no sale has one, the search finds nothing
        }
        String rest = international.substring(3);
        return "0" + (rest.startsWith("0") ? rest.substring(1) : rest);
    }
}
