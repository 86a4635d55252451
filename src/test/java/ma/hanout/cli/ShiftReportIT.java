package ma.hanout.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import ma.hanout.receipt.EscPosDecoder;
import ma.hanout.receipt.FakeThermalPrinter;
import ma.hanout.testing.RealJar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shift report ID} on the built jar, in demo mode: a real closed shift's report as text, ESC/POS, PDF, PNG. */
class ShiftReportIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private RealJar.Run run(String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("HANOUT_HOME", home.toString());
        env.put("HANOUT_DEMO_TIME_SCALE", "0.002");
        env.put("HANOUT_BASE_URL", null);
        env.put("HANOUT_API_KEY", null);
        env.put("HANOUT_CLIENT_CODE", null);
        return RealJar.run(null, env, args);
    }

    @Test
    void aClosedShiftsReportPrintsAndSavesWithItsFiguresAndAnOpenOrUnknownShiftHasNone() throws Exception {
        RealJar.Run open = run("shift", "open", "--cashier", "Amina", "--json");
        assertThat(open.exit()).as(open.err()).isZero();
        String id = JSON.readTree(open.out()).get("id").asText();
        RealJar.Run stillOpen = run("shift", "report", id);
        assertThat(stillOpen.exit()).isEqualTo(1);
        assertThat(stillOpen.err()).contains("#" + id, "still open").doesNotContain("\tat ");

        assertThat(run("sell", "--phone", "0612345678", "--operator", "Inwi", "--value", "10").exit()).isZero();
        assertThat(run("sell", "--phone", "0698765432", "--operator", "Orange", "--value", "20").exit()).isZero();
        assertThat(run("sell", "--phone", "0612340004", "--operator", "Inwi", "--value", "5").exit()).isEqualTo(1);
        RealJar.Run close = run("shift", "close", "--cashier", "Amina", "--counted", "28.50", "--json");
        assertThat(close.exit()).as(close.err()).isZero();
        JsonNode closed = JSON.readTree(close.out());
        assertThat(closed.get("sales").asInt()).isEqualTo(3);
        assertThat(closed.get("successes").asInt()).isEqualTo(2);
        assertThat(closed.get("failures").asInt()).isEqualTo(1);

        RealJar.Run text = run("shift", "report", id, "--format", "text", "--width", "58");
        assertThat(text.exit()).as(text.err()).isZero();
        assertThat(text.out()).contains("DÉMO", "Rapport de caisse", "Caisse n° " + id, "Amina", "30,00 DH",
                "28,50 DH", "-1,50 DH");
        assertThat(text.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
        assertThat(text.out()).containsPattern("Ventes +3\n").containsPattern("Réussies +2\n")
                .containsPattern("Échouées +1\n");

        try (FakeThermalPrinter printer = FakeThermalPrinter.answering()) {
            RealJar.Run printed = run("shift", "report", id, "--format", "escpos", "--printer", printer.uri());
            assertThat(printed.exit()).as(printed.err()).isZero();
            assertThat(printed.out()).contains("shift #" + id);
            EscPosDecoder job = EscPosDecoder.decode(printer.nextJob());
            assertThat(job.lines()).anyMatch(l -> l.contains("Rapport de caisse")).anyMatch(l -> l.contains("Amina"))
                    .anyMatch(l -> l.contains("30,00 DH")).anyMatch(l -> l.contains("-1,50 DH"))
                    .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(48));
            assertThat(job.count(EscPosDecoder.Kind.CUT)).isEqualTo(1);
            assertThat(job.count(EscPosDecoder.Kind.DRAWER)).as("a report opens no drawer").isZero();
        }

        Path pdf = home.resolve("shift.pdf");
        RealJar.Run saved = run("shift", "report", id, "--format", "pdf", "--out", pdf.toString());
        assertThat(saved.exit()).as(saved.err()).isZero();
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport de caisse", "Amina", "30,00 DH",
                    "28,50 DH", "-1,50 DH");
        }
        Path png = home.resolve("shift-ar.png");
        RealJar.Run image = run("shift", "report", id, "--format", "png", "--lang", "ar", "--out", png.toString());
        assertThat(image.exit()).as(image.err()).isZero();
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo(576);

        RealJar.Run unknown = run("shift", "report", "999999");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("No shift has the id 999999").doesNotContain("\tat ");
        assertThat(run("shift", "report", id, "--format", "pdf").exit()).as("a pdf needs --out").isEqualTo(2);
        assertThat(run("shift", "report", id, "--width", "70").exit()).isEqualTo(2);
        assertThat(run("shift", "report", "abc").exit()).isEqualTo(2);
        assertThat(run("shift", "report", id, "--format", "docx").exit()).isEqualTo(2);
    }
}
