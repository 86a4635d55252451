package ma.hanout.receipt;

import java.util.ArrayList;
import java.util.List;

/** Fitting text to a fixed number of character columns (plain text and ESC/POS font A). */
final class Columns {
    private Columns() {
    }

    static String center(String text, int width) {
        if (text.length() >= width) {
            return text;
        }
        int left = (width - text.length()) / 2;
        return " ".repeat(left) + text;
    }

    static String right(String text, int width) {
        return text.length() >= width ? text : " ".repeat(width - text.length()) + text;
    }

    /** Words wrapped to {@code width}; a word longer than the line is cut. */
    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, width));
                word = word.substring(width);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code Label        value} on one line, or the label then the value at the end of the next lines. */
    static List<String> field(String label, String value, int width) {
        if (label.length() + 1 + value.length() <= width) {
            return List.of(label + " ".repeat(width - label.length() - value.length()) + value);
        }
        List<String> lines = new ArrayList<>(wrap(label, width));
        for (String v : wrap(value, width)) {
            lines.add(right(v, width));
        }
        return lines;
    }
}
