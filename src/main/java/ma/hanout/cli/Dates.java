package ma.hanout.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import picocli.CommandLine;

/** The {@code YYYY-MM-DD} dates of the office commands: a bad one is bad usage (exit 2). */
final class Dates {
    private Dates() {
    }

    static LocalDate parse(CommandLine cl, String flag, String text, LocalDate fallback) {
        if (text == null) {
            return fallback;
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, flag + " must be a date YYYY-MM-DD, not '" + text + "'");
        }
        // far years overflow the period's instants: say so rather than print an ArithmeticException
        if (d.getYear() < 1970 || d.getYear() > 9999) {
            throw new CommandLine.ParameterException(cl, flag + " must be a date between 1970-01-01 and 9999-12-31, not '"
                    + text + "'");
        }
        return d;
    }

    static void requireOrdered(CommandLine cl, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new CommandLine.ParameterException(cl, "--from " + from + " is after --to " + to);
        }
    }
}
