package ma.hanout.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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
 * A CSV batch ({@code phone,operator,value,type} with an optional {@code external_reference}),
 * read as a stream: a file of any size costs the memory of one line. Every line is checked exactly
 * as the counter checks a typed sale; a bad line (a line longer than {@value #MAX_LINE} bytes
 * among them) is reported with its line number and sells nothing, the good lines go on. One line
 * is one record: a quoted field may hold commas, not line breaks.
 *
 * <p>{@link #open} reads the whole file once to fingerprint it (SHA-256 of its bytes) and checks
 * the header; {@link #scan} reads it again, line by line.
 */
public final class BatchFile {
    public static final List<String> REQUIRED = List.of("phone", "operator", "value", "type");
    public static final String REFERENCE = "external_reference";
    /** Longer than this is not a sale: a bad line (a broken export, a binary file). */
    public static final int MAX_LINE = 1024;

    private static final CSVFormat LINE = CSVFormat.DEFAULT.builder().setTrim(true).build();

    /** What is wrong with a whole file: it cannot be a batch at all (bad usage on the command line). */
    public static final class BadFileException extends DomainException {
        public BadFileException(String code, String message, Object... args) {
            super(code, message, args);
        }
    }

    /**
     * One line after the header: a sale to make, or why not: {@code error} in English (the
     * command line, the results file), {@code code} and {@code args} for the screen's language
     * ({@code batch.columns}, {@code phone.too_short}…; null code: only the English says why).
     */
    public record Line(int lineNumber, SaleRequest request, String error, String code, List<Object> args) {
        public Line {
            args = args == null ? List.of() : List.copyOf(args);
        }

        static Line good(int lineNumber, SaleRequest request) {
            return new Line(lineNumber, request, null, null, List.of());
        }

        static Line bad(int lineNumber, String code, String error, Object... args) {
            return new Line(lineNumber, null, error, code, List.of(args));
        }

        public boolean good() {
            return request != null;
        }
    }

    /** Told of each line in order. */
    public interface LineSink {
        void accept(Line line);
    }

    private final Path file;
    private final String sha256;
    private final List<String> header;
    private final int headerLine;

    private BatchFile(Path file, String sha256, List<String> header, int headerLine) {
        this.file = file;
        this.sha256 = sha256;
        this.header = header;
        this.headerLine = headerLine;
    }

    /** Fingerprints the file and checks its header; a missing file or a wrong header is a {@link BadFileException}. */
    public static BatchFile open(Path file) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        List<String> header = null;
        int headerLine = 0;
        try (LineReader in = new LineReader(new DigestInputStream(Files.newInputStream(file), sha))) {
            RawLine raw;
            while (header == null && (raw = in.next()) != null) {
                if (raw.tooLong() || raw.text() == null) {
                    throw new BadFileException("batch.not_csv", file + " does not start with a CSV header line: is it a CSV file?",
                            file.getFileName().toString());
                }
                String text = raw.lineNumber() == 1 && raw.text().startsWith("\uFEFF") ? raw.text().substring(1)
                        : raw.text();
                if (!text.isBlank()) {
                    header = checkHeader(file, text);
                    headerLine = raw.lineNumber();
                }
            }
            in.drain(); // the rest is read only for the fingerprint
        } catch (NoSuchFileException e) {
            throw new BadFileException("batch.no_file", "no such file: " + file, file.toString());
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (header == null) {
            throw new BadFileException("batch.empty", file + " is empty: a batch starts with the header phone,operator,value,type",
                    file.getFileName().toString());
        }
        return new BatchFile(file, HexFormat.of().formatHex(sha.digest()), header, headerLine);
    }

    private static BadFileException unreadable(Path file, IOException e) {
        return new BadFileException("batch.unreadable", "cannot read " + file + ": " + e.getMessage(),
                file.getFileName().toString(), String.valueOf(e.getMessage()));
    }

    private static List<String> checkHeader(Path file, String text) {
        List<String> header = new ArrayList<>();
        List<String> names;
        try {
            names = parse(text);
        } catch (DomainException e) {
            throw new BadFileException("batch.header_not_csv", "the first line of " + file + " is not a CSV header: "
                    + e.getMessage(), file.getFileName().toString());
        }
        for (String h : names) {
            header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                throw new BadFileException("batch.header_twice", "the CSV header of " + file + " names the column '" + h
                        + "' twice", h);
            }
        }
        List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw new BadFileException("batch.header_missing", "the CSV header of " + file + " must be phone,operator,value,type"
                    + " (optional external_reference); missing: " + String.join(", ", missing), String.join(", ", missing));
        }
        return List.copyOf(header);
    }

    public Path path() {
        return file;
    }

    /** SHA-256 of the file's bytes, in hex: the same file has the same fingerprint wherever it comes from. */
    public String sha256() {
        return sha256;
    }

    /**
     * Reads every line after the header, in order, and hands each to {@code sink}: a sale with
     * {@link Sale.Origin#BATCH}, or why not. Empty lines are skipped (they keep their numbers).
     */
    public void scan(LineSink sink) {
        scan(null, sink);
    }

    /**
     * As {@link #scan(LineSink)}, a line above {@code maxValue} (the most one recharge may be,
     * null: no limit) being bad too: the server would refuse it, so it is never sent.
     */
    public void scan(Money maxValue, LineSink sink) {
        Set<String> references = new HashSet<>();
        try (LineReader in = new LineReader(Files.newInputStream(file))) {
            RawLine raw;
            while ((raw = in.next()) != null) {
                if (raw.lineNumber() <= headerLine) {
                    continue;
                }
                if (raw.tooLong()) {
                    sink.accept(Line.bad(raw.lineNumber(), "batch.too_long", "longer than " + MAX_LINE
                            + " characters: not a sale", MAX_LINE));
                    continue;
                }
                if (raw.text() == null) {
                    sink.accept(Line.bad(raw.lineNumber(), "batch.not_utf8", "not UTF-8 text"));
                    continue;
                }
                if (raw.text().isBlank()) {
                    continue;
                }
                sink.accept(line(raw.lineNumber(), raw.text(), references, maxValue));
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    private Line line(int lineNumber, String text, Set<String> references, Money maxValue) {
        try {
            List<String> fields = parse(text);
            if (fields.size() != header.size()) {
                return Line.bad(lineNumber, "batch.columns", "expected " + header.size() + " columns, found "
                        + fields.size(), header.size(), fields.size());
            }
            SaleRequest req = toRequest(fields);
            if (maxValue != null && req.value().compareTo(maxValue) > 0) {
                return Line.bad(lineNumber, "batch.above_limit", "value " + req.value().display()
                        + " is above the most one recharge may be, " + maxValue.display() + " (setting sale.max_value)",
                        req.value().display(), maxValue.display());
            }
            if (req.externalReference() != null && !references.add(req.externalReference())) {
                return Line.bad(lineNumber, "batch.reference_twice", "external_reference '" + req.externalReference()
                        + "' appears twice in the file", req.externalReference());
            }
            return Line.good(lineNumber, req);
        } catch (DomainException e) {
            return new Line(lineNumber, null, e.getMessage(), e.code(), e.args());
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Line(lineNumber, null, e.getMessage(), null, List.of());
        }
    }

    private SaleRequest toRequest(List<String> fields) {
        Phone phone = Phone.parse(field(fields, "phone"));
        Operator operator = Operator.parse(field(fields, "operator"));
        Money value = Money.parse(field(fields, "value"));
        if (!value.isPositive()) {
            throw new DomainException("batch.value_not_positive", "value must be more than 0, not " + field(fields, "value"),
                    field(fields, "value"));
        }
        Promo promo = Promo.parse(field(fields, "type"));
        String ref = header.contains(REFERENCE) ? field(fields, REFERENCE) : null;
        if (ref != null && ref.isBlank()) {
            ref = null;
        }
        if (ref != null) {
            ExternalReference.validate(ref);
        }
        return new SaleRequest(phone, operator, value, promo, ref, Sale.Origin.BATCH, null);
    }

    private String field(List<String> fields, String name) {
        return fields.get(header.indexOf(name));
    }

    /** One CSV record from one line: quotes, commas in quotes, trimmed fields. */
    private static List<String> parse(String text) {
        try (CSVParser p = CSVParser.parse(new StringReader(text), LINE)) {
            List<CSVRecord> records = p.getRecords();
            if (records.size() != 1) {
                throw new DomainException("batch.not_one_record", "not one CSV record");
            }
            List<String> out = new ArrayList<>();
            records.get(0).forEach(out::add);
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DomainException("batch.not_csv_line", "not valid CSV: " + e.getMessage());
        }
    }

    /** A line as read: its text (null when it is not UTF-8), or only the fact that it was too long. */
    private record RawLine(int lineNumber, String text, boolean tooLong) {
    }

    /** Reads lines of at most {@link #MAX_LINE} bytes; a longer one is skipped to its end, never held. */
    private static final class LineReader implements AutoCloseable {
        private final InputStream in;
        private final byte[] chunk = new byte[64 * 1024];
        private int pos;
        private int end;
        private final byte[] line = new byte[MAX_LINE];
        private int lineNumber;
        private boolean eof;

        LineReader(InputStream in) {
            this.in = in;
        }

        RawLine next() throws IOException {
            if (eof) {
                return null;
            }
            int len = 0;
            boolean tooLong = false;
            boolean sawNewline = false;
            while (!sawNewline) {
                if (pos == end) {
                    end = in.read(chunk, 0, chunk.length);
                    pos = 0;
                    if (end <= 0) {
                        end = 0;
                        eof = true;
                        break;
                    }
                }
                int start = pos;
                while (pos < end && chunk[pos] != '\n') {
                    pos++;
                }
                int n = pos - start;
                if (!tooLong) {
                    if (len + n <= MAX_LINE) {
                        System.arraycopy(chunk, start, line, len, n);
                        len += n;
                    } else {
                        tooLong = true;
                    }
                }
                if (pos < end) {
                    pos++; // the newline
                    sawNewline = true;
                }
            }
            if (eof && !sawNewline && len == 0 && !tooLong) {
                return null;
            }
            lineNumber++;
            if (tooLong) {
                return new RawLine(lineNumber, null, true);
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            try {
                String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line, 0, len)).toString();
                return new RawLine(lineNumber, text, false);
            } catch (CharacterCodingException e) {
                return new RawLine(lineNumber, null, false);
            }
        }

        /** Reads what is left, for a digest of the whole stream. */
        void drain() throws IOException {
            while (in.read(chunk, 0, chunk.length) > 0) {
                // nothing to keep
            }
            pos = end = 0;
            eof = true;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
