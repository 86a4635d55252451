package ma.hanout.cli;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import ma.hanout.domain.DomainException;
import ma.hanout.domain.ExternalReference;
import ma.hanout.domain.Money;
import ma.hanout.domain.Operator;
import ma.hanout.domain.Phone;
import ma.hanout.domain.Promo;
import ma.hanout.domain.Sale;
import ma.hanout.engine.SaleRequest;

/**
 * A CSV batch ({@code phone,operator,value,type} with an optional {@code external_reference}).
 * Every line is checked exactly as the counter checks a typed sale; a bad line is reported with its
 * line number and sells nothing, the good lines go on.
 */
final class BatchFile {
    static final List<String> REQUIRED = List.of("phone", "operator", "value", "type");
    static final String REFERENCE = "external_reference";

    /** A line that will be sold. */
    record Line(int lineNumber, SaleRequest request) {
    }

    /** A line that will not, and why. */
    record BadLine(int lineNumber, String reason) {
    }

    record Parsed(List<Line> lines, List<BadLine> bad) {
    }

    private BatchFile() {
    }

    /** Reads and checks the file; a missing file or a wrong header is bad usage (the whole batch is refused). */
    static Parsed read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (MalformedInputException e) {
            throw new UsageException(file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).build();
        List<Line> lines = new ArrayList<>();
        List<BadLine> bad = new ArrayList<>();
        Set<String> references = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
            if (!missing.isEmpty()) {
                throw new UsageException("the CSV header must be phone,operator,value,type (optional external_reference);"
                        + " missing: " + String.join(", ", missing));
            }
            for (CSVRecord r : parser) {
                int lineNumber = lineOf(text, r.getCharacterPosition());
                try {
                    SaleRequest req = toRequest(r, header);
                    if (req.externalReference() != null && !references.add(req.externalReference())) {
                        bad.add(new BadLine(lineNumber, "external_reference '" + req.externalReference()
                                + "' appears twice in the file"));
                        continue;
                    }
                    lines.add(new Line(lineNumber, req));
                } catch (DomainException e) {
                    bad.add(new BadLine(lineNumber, e.getMessage()));
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof UsageException u) {
                throw u;
            }
            throw new UsageException("cannot read " + file + " as CSV: " + e.getMessage());
        }
        return new Parsed(lines, bad);
    }

    private static SaleRequest toRequest(CSVRecord r, List<String> header) {
        if (r.size() != header.size()) {
            throw new DomainException("csv.columns", "expected " + header.size() + " columns, found " + r.size());
        }
        Phone phone = Phone.parse(field(r, header, "phone"));
        Operator operator = Operator.parse(field(r, header, "operator"));
        Money value = Money.parse(field(r, header, "value"));
        if (!value.isPositive()) {
            throw new DomainException("value.not_positive", "value must be more than 0, not " + field(r, header, "value"));
        }
        Promo promo = Promo.parse(field(r, header, "type"));
        String ref = header.contains(REFERENCE) ? field(r, header, REFERENCE) : null;
        if (ref != null && ref.isBlank()) {
            ref = null;
        }
        if (ref != null) {
            ExternalReference.validate(ref);
        }
        return new SaleRequest(phone, operator, value, promo, ref, Sale.Origin.BATCH, null);
    }

    private static String field(CSVRecord r, List<String> header, String name) {
        return r.get(header.indexOf(name));
    }

    private static int lineOf(String text, long position) {
        // the parser's position can point at the empty lines it skipped before the record
        while (position < text.length() && (text.charAt((int) position) == '\n' || text.charAt((int) position) == '\r')) {
            position++;
        }
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
