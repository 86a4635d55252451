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
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, flag + " must be a date YYYY-MM-DD, not '" + text + "'");
        }
    }

    static void requireOrdered(CommandLine cl, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new CommandLine.ParameterException(cl, "--from " + from + " is after --to " + to);
        }
    }
}
