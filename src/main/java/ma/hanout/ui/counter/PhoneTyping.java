package ma.hanout.ui.counter;

import java.util.function.UnaryOperator;

import javafx.scene.control.TextFormatter;
import ma.hanout.domain.Phone;

/**
 * Formats the phone field as the cashier types: digits grouped by two ({@code 06 12 34 56 78}),
 * the caret kept after the same digit, a deleted space taking its digit with it.
 *
 * <p>Moroccan counters mostly have French AZERTY keyboards, where the top row gives
 * {@code & é " ' ( - è _ ç à} without Shift: one such key typed alone is read as its digit.
 * Arabic-Indic digits become ASCII digits. A leading {@code +} is kept for international input.
 */
public final class PhoneTyping {
    private static final String AZERTY_ROW = "&é\"'(-è_çà";

    private PhoneTyping() {
    }

    /** The text and caret after an edit. */
    public record Edit(String text, int caret) {
    }

    /** A {@link TextFormatter} filter applying {@link #apply} to every edit of a text field. */
    public static UnaryOperator<TextFormatter.Change> filter() {
        return change -> {
            if (!change.isContentChange()) {
                return change;
            }
            Edit e = apply(change.getControlText(), change.getRangeStart(), change.getRangeEnd(), change.getText());
            change.setRange(0, change.getControlText().length());
            change.setText(e.text());
            change.setCaretPosition(e.caret());
            change.setAnchor(e.caret());
            return change;
        };
    }

    /**
     * Replaces {@code [start, end)} of {@code before} with {@code inserted} and formats the result.
     * Characters that cannot be part of a number are dropped.
     */
    public static Edit apply(String before, int start, int end, String inserted) {
        String typed = inserted.length() == 1 ? azertyDigit(inserted) : inserted;
        // deleting only a separator means "delete the digit before it", as a cashier expects from Backspace
        if (typed.isEmpty() && end > start && isSeparators(before.substring(start, end)) && start > 0) {
            start = previousDigit(before, start);
        }
        String raw = before.substring(0, start) + typed + before.substring(end);
        int caretRaw = start + typed.length();
        int digitsBeforeCaret = significant(raw.substring(0, Math.min(caretRaw, raw.length()))).length();
        String kept = significant(raw);
        String national = completeInternational(kept);
        if (national != null) {
            // a pasted "+212 6 61 23 45 67" reads as the cashier reads every number: 06 61 23 45 67
            String formatted = Phone.formatPartial(national);
            return new Edit(formatted, formatted.length());
        }
        String formatted = format(kept);
        return new Edit(formatted, caretAfter(formatted, digitsBeforeCaret));
    }

    /** The national digits of a complete Moroccan number given in international form, else null. */
    private static String completeInternational(String kept) {
        if (!kept.startsWith("+") && !kept.startsWith("00") && !(kept.startsWith("212") && kept.length() >= 12)) {
            return null;
        }
        try {
            return Phone.parse(kept).national();
        } catch (ma.hanout.domain.InvalidPhoneException e) {
            return null;
        }
    }

    /** Groups {@code kept} (digits, maybe a leading +) for reading. */
    static String format(String kept) {
        if (kept.startsWith("+") || kept.startsWith("00")) {
            // international input still being typed: keep it as typed until it is a whole number
            return kept;
        }
        return Phone.formatPartial(kept);
    }

    private static String significant(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+' && out.length() == 0) {
                out.append(c);
            } else if (Character.isDigit(c)) {
                out.append((char) ('0' + Character.digit(c, 10)));
            }
        }
        return out.toString();
    }

    private static String azertyDigit(String s) {
        int i = AZERTY_ROW.indexOf(s.charAt(0));
        return i < 0 ? s : String.valueOf((char) ('0' + (i + 1) % 10));
    }

    private static boolean isSeparators(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c == ' ');
    }

    private static int previousDigit(String s, int from) {
        int i = from - 1;
        while (i > 0 && !Character.isDigit(s.charAt(i))) {
            i--;
        }
        return i;
    }

    private static int caretAfter(String formatted, int significantCount) {
        if (significantCount == 0) {
            return 0;
        }
        int seen = 0;
        for (int i = 0; i < formatted.length(); i++) {
            char c = formatted.charAt(i);
            if (Character.isDigit(c) || c == '+') {
                seen++;
                if (seen == significantCount) {
                    return i + 1;
                }
            }
        }
        return formatted.length();
    }
}
