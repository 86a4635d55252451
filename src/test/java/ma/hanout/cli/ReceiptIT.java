package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.receipt.FakeThermalPrinter;
import ma.hanout.testing.RealJar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hanout receipt} on the built jar, in demo mode, as a user runs it. */
class ReceiptIT {
    @TempDir
    Path home;

    private RealJar.Run run(String... args) {
        return RealJar.run(null, Map.of("HANOUT_HOME", home.toString(), "HANOUT_DEMO_TIME_SCALE", "0.002"), args);
    }

    @Test
    void aDemoSaleGetsItsReceiptAsTextPdfAndOnANetworkPrinter() throws Exception {
        RealJar.Run sell = run("sell", "--phone", "0661234567", "--operator", "Maroc Telecom", "--value", "10", "--json");
        assertThat(sell.exit()).as(sell.err()).isZero();
        JsonNode sale = new ObjectMapper().readTree(sell.out());
        String ref = sale.get("external_reference").asText();

        RealJar.Run text = run("receipt", sale.get("ref_interne").asText(), "--format", "text", "--width", "58");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("DÉMO", "REÇU DE RECHARGE", ref, "06 61 23 45 67", "10,00 DH");

        Path pdf = home.resolve("r.pdf");
        RealJar.Run p = run("receipt", ref, "--format", "pdf", "--out", pdf.toString(), "--copy");
        assertThat(p.exit()).as(p.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("DUPLICATA", ref);
        }

        try (FakeThermalPrinter printer = FakeThermalPrinter.answering()) {
            RealJar.Run printed = run("receipt", ref, "--format", "escpos", "--printer", printer.uri());
            assertThat(printed.exit()).as(printed.err()).isZero();
            String job = new String(printer.nextJob(), "cp858");
            assertThat(job).startsWith("\u0010\u0004\u0001\u001b@").contains("REÇU DE RECHARGE", ref).contains("\u001dV");
        }

        try (FakeThermalPrinter hung = FakeThermalPrinter.silent()) {
            RealJar.Run timedOut = run("receipt", ref, "--printer", hung.uri(), "--printer-timeout", "500");
            assertThat(timedOut.exit()).isEqualTo(1);
            assertThat(timedOut.err()).contains("does not answer").doesNotContain("\tat ");
        }
        RealJar.Run unknown = run("receipt", "HN-UNKNOWN", "--format", "text");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("HN-UNKNOWN").doesNotContain("\tat ");
    }
}
