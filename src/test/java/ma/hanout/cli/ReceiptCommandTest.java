package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.domain.Money;
import ma.hanout.receipt.FakeThermalPrinter;
import ma.hanout.sim.SimConfig;
import ma.hanout.sim.Simulator;
import ma.hanout.store.AuditEntry;
import ma.hanout.store.AuditStore;
import ma.hanout.store.Database;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hanout receipt} in-process, on a sale made through the engine against a real simulator. */
class ReceiptCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private static Simulator sim;
    private static String ref;
    private static String refInterne;
    private StringWriter out;
    private StringWriter err;

    @BeforeAll
    static void sellOnce() throws IOException {
        sim = Simulator.start(SimConfig.builder().port(0).timeScale(0.002).balance(Money.ofMad(100)).build());
        ReceiptCommandTest t = new ReceiptCommandTest();
        assertThat(t.run("sell", "--phone", "0612345678", "--operator", "Orange", "--value", "20", "--json"))
                .as(t.err.toString()).isZero();
        JsonNode sale = JSON.readTree(t.out.toString());
        ref = sale.get("external_reference").asText();
        refInterne = sale.get("ref_interne").asText();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--base-url", sim.baseUrl(), "--client-code", SimConfig.DEFAULT_CLIENT_CODE, "--api-key",
                SimConfig.DEFAULT_API_KEY, "--home", home.toString(), "--request-timeout", "2000"));
        return HanoutCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    private String saleJson() {
        assertThat(run("history", "--json")).isZero();
        return out.toString();
    }

    @Test
    void textByEitherReference() {
        assertThat(run("receipt", ref, "--format", "text", "--width", "58")).as(err.toString()).isZero();
        String byExternal = out.toString();
        assertThat(byExternal).contains("REÇU DE RECHARGE", ref, refInterne, "06 12 34 56 78", "20,00 DH", "Orange",
                "Merci").doesNotContain("DUPLICATA", "DÉMO");
        assertThat(byExternal.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
        assertThat(run("receipt", refInterne, "--format", "text")).isZero();
        assertThat(out.toString()).contains(ref);
    }

    @Test
    void anUnknownReferenceIsExitOne() {
        assertThat(run("receipt", "HN-NOPE", "--format", "text")).isEqualTo(1);
        assertThat(err.toString()).contains("HN-NOPE");
    }

    @Test
    void badUsageIsExitTwo() {
        assertThat(run("receipt", ref, "--format", "png")).isEqualTo(2);
        assertThat(run("receipt", ref, "--format", "text", "--width", "70")).isEqualTo(2);
        assertThat(run("receipt", ref, "--format", "svg", "--out", "x.svg")).isEqualTo(2);
    }

    @Test
    void pngAndPdfFiles(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("r.png");
        assertThat(run("receipt", ref, "--format", "png", "--out", png.toString(), "--width", "58")).as(err.toString()).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(384);
        assertThat(run("receipt", ref, "--format", "png", "--out", png.toString())).isZero();
        assertThat(ImageIO.read(png.toFile()).getWidth()).isEqualTo(576);
        Path pdf = dir.resolve("r.pdf");
        assertThat(run("receipt", ref, "--format", "pdf", "--out", pdf.toString(), "--copy")).as(err.toString()).isZero();
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(ref, "DUPLICATA", "Copie n°");
        }
    }

    @Test
    void printsOnANetworkPrinterAndNumbersTheCopies() throws Exception {
        try (FakeThermalPrinter printer = FakeThermalPrinter.answering()) {
            assertThat(run("receipt", ref, "--format", "escpos", "--printer", printer.uri())).as(err.toString()).isZero();
            assertThat(printer.nextJob()).isNotEmpty();
            assertThat(run("receipt", ref, "--printer", printer.uri(), "--copy")).as(err.toString()).isZero();
            String first = new String(printer.nextJob(), "cp858");
            assertThat(first).contains("DUPLICATA");
            int copy = Integer.parseInt(out.toString().replaceAll("(?s).*\\(copy (\\d+)\\).*", "$1"));
            assertThat(run("receipt", ref, "--printer", printer.uri(), "--copy")).isZero();
            assertThat(new String(printer.nextJob(), "cp858")).contains("Copie n° " + (copy + 1));
        }
        try (Database db = Database.openInHome(home)) {
            List<AuditEntry> audit = new AuditStore(db).recent(50);
            assertThat(audit).anyMatch(e -> e.action().equals("receipt.reprint") && e.detail().contains(ref)
                    && e.actor().startsWith("cli:"));
        }
    }

    @Test
    void aPrinterThatRefusesIsExitOneAndTheSaleIsUntouched() throws IOException {
        String before = saleJson();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(run("receipt", ref, "--format", "escpos", "--printer", "tcp://127.0.0.1:" + port)).isEqualTo(1);
        assertThat(err.toString()).contains("refused", "unchanged").doesNotContain("Exception", "\tat ");
        assertThat(saleJson()).isEqualTo(before);
    }

    @Test
    void aPrinterThatAcceptsAndNeverReadsIsATimeoutExitOne() throws IOException {
        String before = saleJson();
        try (FakeThermalPrinter printer = FakeThermalPrinter.silent()) {
            assertThat(run("receipt", ref, "--format", "escpos", "--printer", printer.uri(), "--printer-timeout", "500"))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("does not answer");
        }
        assertThat(saleJson()).isEqualTo(before);
    }

    @Test
    void anArabicReceiptGoesToThePrinterAsARaster() throws Exception {
        try (FakeThermalPrinter printer = FakeThermalPrinter.answering()) {
            assertThat(run("receipt", ref, "--printer", printer.uri(), "--lang", "ar")).as(err.toString()).isZero();
            byte[] job = printer.nextJob();
            // GS v 0: a raster image, and none of the Arabic as code-page text
            assertThat(indexOf(job, new byte[] {0x1d, 'v', '0'})).isPositive();
            assertThat(indexOf(job, new byte[] {0x1b, 't'})).isNegative();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void writesIntoAFileAsAPrinter(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("job.bin");
        assertThat(run("receipt", ref, "--printer", "file:" + f)).as(err.toString()).isZero();
        assertThat(Files.readAllBytes(f)).startsWith(0x1b, 0x40);
    }
}
