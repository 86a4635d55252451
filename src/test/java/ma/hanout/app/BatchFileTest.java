package ma.hanout.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import ma.hanout.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Why a batch line or file is refused comes with a stable code and the values of its sentence,
 * so that the bulk screen says it in the owner's language; every code has that sentence in the
 * four languages.
 */
class BatchFileTest {
    private static final String[] LANGUAGES = {"fr", "ar", "en", "es"};

    @TempDir
    Path dir;

    @Test
    void eachBadLineCarriesItsCodeAndTheValuesOfItsSentence() throws IOException {
        Path f = write("lot.csv", "phone,operator,value,type,external_reference\n"
                + "0612345678,Inwi,10,0,A1\n" // 2: good
                + "0612345678,Inwi,10\n" // 3: a column short
                + "0612345678,Inwi,0,0,\n" // 4: nothing to sell
                + "0512345678,Inwi,10,0,\n" // 5: not a mobile
                + "0612345678,Nokia,10,0,\n" // 6: no such operator
                + "0612345678,Inwi,10,0,A1\n" // 7: the reference of line 2
                + "\"0612345678,Inwi,10,0,\n" // 8: a quote never closed
                + "0612345678,Inwi,10,0,bad ref!\n" // 9: not a reference
                + "0612345678,Inwi," + "9".repeat(BatchFile.MAX_LINE) + ",0,\n"); // 10: too long
        List<BatchFile.Line> lines = new ArrayList<>();
        BatchFile.open(f).scan(lines::add);

        assertThat(lines).extracting(BatchFile.Line::lineNumber).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(lines.get(0).good()).isTrue();
        assertThat(lines.get(0).code()).isNull();
        assertBad(lines.get(1), "batch.columns", "expected 5 columns, found 3", 5, 3);
        assertBad(lines.get(2), "batch.value_not_positive", "value must be more than 0, not 0", "0");
        assertBad(lines.get(3), "phone.not_mobile", null);
        assertBad(lines.get(4), "operator.unknown", null);
        assertBad(lines.get(5), "batch.reference_twice", "external_reference 'A1' appears twice in the file", "A1");
        assertBad(lines.get(6), "batch.not_csv_line", null);
        assertBad(lines.get(7), "reference.invalid", null);
        assertBad(lines.get(8), "batch.too_long", "longer than 1024 characters: not a sale", BatchFile.MAX_LINE);
        for (BatchFile.Line l : lines.subList(1, lines.size())) {
            assertTranslated(l.code());
        }
    }

    @Test
    void aLineAboveTheMostOneRechargeMayBeIsBadAndNeverSent() throws IOException {
        Path f = write("big.csv", "phone,operator,value,type\n0612345678,Inwi,100,0\n0612345678,Inwi,100.01,0\n");
        List<BatchFile.Line> lines = new ArrayList<>();
        BatchFile.open(f).scan(Money.ofMad(100), lines::add);
        assertThat(lines.get(0).good()).as("at the limit").isTrue();
        assertBad(lines.get(1), "batch.above_limit", null, Money.parse("100.01").display(), Money.ofMad(100).display());
        assertTranslated("batch.above_limit");
        List<BatchFile.Line> unlimited = new ArrayList<>();
        BatchFile.open(f).scan(unlimited::add);
        assertThat(unlimited).allMatch(BatchFile.Line::good);
    }

    @Test
    void aRefusedFileSaysWhyWithACodeToo() throws IOException {
        assertFileRefused(dir.resolve("none.csv"), "batch.no_file");
        assertFileRefused(write("empty.csv", "\n\n"), "batch.empty", "empty.csv");
        assertFileRefused(write("twice.csv", "phone,operator,value,type,phone\n"), "batch.header_twice", "phone");
        assertFileRefused(write("short.csv", "phone,operator\n"), "batch.header_missing", "value, type");
        // was a bare DomainException that the command line and the bulk screen did not expect
        assertFileRefused(write("quote.csv", "\"phone,operator,value,type\n"), "batch.header_not_csv", "quote.csv");
        Path binary = dir.resolve("photo.csv");
        Files.write(binary, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, '\n'});
        assertFileRefused(binary, "batch.not_csv", "photo.csv");
    }

    private static void assertBad(BatchFile.Line l, String code, String english, Object... args) {
        assertThat(l.good()).as("line %d", l.lineNumber()).isFalse();
        assertThat(l.code()).as("line %d", l.lineNumber()).isEqualTo(code);
        assertThat(l.error()).as("line %d keeps its English", l.lineNumber()).isNotBlank();
        if (english != null) {
            assertThat(l.error()).isEqualTo(english);
        }
        if (args.length > 0) {
            assertThat(l.args()).containsExactly(args);
        }
    }

    private static void assertFileRefused(Path file, String code, Object... args) {
        assertThatThrownBy(() -> BatchFile.open(file)).isInstanceOfSatisfying(BatchFile.BadFileException.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(file.getFileName().toString());
            if (args.length > 0) {
                assertThat(e.args()).containsExactly(args);
            }
        });
        assertTranslated(code);
    }

    /** The bulk screen looks the code up as {@code error.CODE}, then as {@code CODE}. */
    private static void assertTranslated(String code) {
        for (String lang : LANGUAGES) {
            ResourceBundle b = ResourceBundle.getBundle("ma.hanout.ui.i18n.messages", Locale.forLanguageTag(lang));
            assertThat(b.containsKey("error." + code) || b.containsKey(code)).as("%s in %s", code, lang).isTrue();
        }
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
