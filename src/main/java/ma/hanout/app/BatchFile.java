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
    public static final class BadFileException extends RuntimeException {
        public BadFileException(String message) {
            super(message);
        }
    }

    /** One line after the header: a sale to make, or why not. */
    public record Line(int lineNumber, SaleRequest request, String error) {
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
                    throw new BadFileException(file + " does not start with a CSV header line: is it a CSV file?");
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
            throw new BadFileException("no such file: " + file);
        } catch (IOException e) {
            throw new BadFileException("cannot read " + file + ": " + e.getMessage());
        }
        if (header == null) {
            throw new BadFileException(file + " is empty: a batch starts with the header phone,operator,value,type");
        }
        return new BatchFile(file, HexFormat.of().formatHex(sha.digest()), header, headerLine);
    }

    private static List<String> checkHeader(Path file, String text) {
        List<String> header = new ArrayList<>();
        for (String h : parse(text)) {
            header.add(h.strip().toLowerCase(Locale.ROOT));
        }
        Set<String> seen = new HashSet<>();
        for (String h : header) {
            if (!seen.add(h)) {
                throw new BadFileException("the CSV header of " + file + " names the column '" + h + "' twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(h -> !header.contains(h)).toList();
        if (!missing.isEmpty()) {
            throw new BadFileException("the CSV header must be phone,operator,value,type (optional external_reference);"
                    + " missing: " + String.join(", ", missing));
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
        Set<String> references = new HashSet<>();
        try (LineReader in = new LineReader(Files.newInputStream(file))) {
            RawLine raw;
            while ((raw = in.next()) != null) {
                if (raw.lineNumber() <= headerLine) {
                    continue;
                }
                if (raw.tooLong()) {
                    sink.accept(new Line(raw.lineNumber(), null, "longer than " + MAX_LINE + " characters: not a sale"));
                    continue;
                }
                if (raw.text() == null) {
                    sink.accept(new Line(raw.lineNumber(), null, "not UTF-8 text"));
                    continue;
                }
                if (raw.text().isBlank()) {
                    continue;
                }
                sink.accept(line(raw.lineNumber(), raw.text(), references));
            }
        } catch (IOException e) {
            throw new BadFileException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private Line line(int lineNumber, String text, Set<String> references) {
        try {
            List<String> fields = parse(text);
            if (fields.size() != header.size()) {
                return new Line(lineNumber, null, "expected " + header.size() + " columns, found " + fields.size());
            }
            SaleRequest req = toRequest(fields);
            if (req.externalReference() != null && !references.add(req.externalReference())) {
                return new Line(lineNumber, null, "external_reference '" + req.externalReference()
                        + "' appears twice in the file");
            }
            return new Line(lineNumber, req, null);
        } catch (IllegalArgumentException | IllegalStateException e) {
            return new Line(lineNumber, null, e.getMessage());
        }
    }

    private SaleRequest toRequest(List<String> fields) {
        Phone phone = Phone.parse(field(fields, "phone"));
        Operator operator = Operator.parse(field(fields, "operator"));
        Money value = Money.parse(field(fields, "value"));
        if (!value.isPositive()) {
            throw new DomainException("value.not_positive", "value must be more than 0, not " + field(fields, "value"));
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
                throw new DomainException("csv.line", "not one CSV record");
            }
            List<String> out = new ArrayList<>();
            records.get(0).forEach(out::add);
            return out;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DomainException("csv.line", "not valid CSV: " + e.getMessage());
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
