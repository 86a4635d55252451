package ma.hanout.domain;

import java.util.Objects;

/**
 * A Moroccan mobile number (MSISDN) in the 10-digit national form the API wants: {@code 0612345678}.
 *
 * <p>Accepts what a cashier or a CSV file may hold: {@code 06 12 34 56 78}, {@code 06.12.34.56.78},
 * {@code +212612345678}, {@code 00212612345678}, {@code 212612345678}, {@code +212 (0)6 12 34 56 78}.
 */
public record Phone(String national) {

    public Phone {
        Objects.requireNonNull(national, "national");
        if (!national.matches("0[67]\\d{8}")) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.NOT_MOBILE, national);
        }
    }

    /** Parses any accepted form; throws {@link InvalidPhoneException} with the reason otherwise. */
    public static Phone parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.EMPTY, input == null ? "" : input);
        }
        String raw = input.strip();
        StringBuilder digits = new StringBuilder(raw.length());
        boolean plus = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')' || c == '\u00a0') {
                // separators people type or paste
            } else if (Character.isDigit(c)) {
                // Arabic-Indic and other digits: a cashier's keyboard may produce them
                digits.append((char) ('0' + Character.digit(c, 10)));
            } else {
                throw new InvalidPhoneException(InvalidPhoneException.Reason.INVALID_CHARACTERS, input);
            }
        }
        String d = digits.toString();
        if (d.isEmpty()) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.INVALID_CHARACTERS, input);
        }
        String national = toNational(d, plus, input);
        // "05", "08 12": the prefix already says it is no mobile; saying "too short" would send the
        // cashier typing more digits of a number that can never be sold
        if (national.length() >= 2 && national.charAt(0) == '0' && national.charAt(1) != '6'
                && national.charAt(1) != '7') {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.NOT_MOBILE, input);
        }
        if (national.length() < 10) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.TOO_SHORT, input);
        }
        if (national.length() > 10) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.TOO_LONG, input);
        }
        if (national.charAt(0) != '0' || (national.charAt(1) != '6' && national.charAt(1) != '7')) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.NOT_MOBILE, input);
        }
        return new Phone(national);
    }

    private static String toNational(String d, boolean plus, String input) {
        String international;
        if (plus) {
            international = d;
        } else if (d.startsWith("00")) {
            international = d.substring(2);
        } else if (d.startsWith("212") && d.length() >= 11) {
            international = d;
        } else {
            return d;
        }
        if (!international.startsWith("212")) {
            throw new InvalidPhoneException(InvalidPhoneException.Reason.NOT_MOROCCAN, input);
        }
        String rest = international.substring(3);
        // "+212 (0)6..." keeps the trunk zero; drop it
        if (rest.startsWith("0")) {
            rest = rest.substring(1);
        }
        return "0" + rest;
    }

    /** Whether {@code input} parses; for live validation as the cashier types. */
    public static boolean isValid(String input) {
        try {
            parse(input);
            return true;
        } catch (InvalidPhoneException e) {
            return false;
        }
    }

    /** Grouped by two for reading back to a customer: {@code 06 12 34 56 78}. */
    public String display() {
        return formatPartial(national);
    }

    /** Groups whatever digits were typed so far by two, for formatting as you type. */
    public static String formatPartial(String digitsSoFar) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digitsSoFar.length(); i++) {
            if (i > 0 && i % 2 == 0) {
                out.append(' ');
            }
            out.append(digitsSoFar.charAt(i));
        }
        return out.toString();
    }

    /** The international form {@code +212612345678}. */
    public String international() {
        return "+212" + national.substring(1);
    }

    /** The last four digits, used by the simulator's scenarios. */
    public String lastFour() {
        return national.substring(6);
    }

    @Override
    public String toString() {
        return national;
    }
}
