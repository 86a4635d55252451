package ma.hanout.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ma.hanout.domain.Environment;
import ma.hanout.domain.Language;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptRenderingTest {

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void textFitsThePaperAndSaysEverythingTheCustomerNeeds(PaperWidth width) {
        String text = TextReceipt.render(ReceiptFixtures.receipt(Language.FR, 1), width);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width.columns()));
        assertThat(text).contains("Hanout Al Baraka", "Casablanca", "Tél. 0522 45 67 89", "ICE 001234567000089",
                "02/12/2026 15:05", "Fatima", "inwi", "*6", "06 12 34 56 78", "50,00 DH", "3 - Effectué",
                "REF-88213", "HN-20261202-7F3KQ9", "REÇU DE RECHARGE").doesNotContain("DUPLICATA", "DÉMO");
    }

    @Test
    void aReprintIsMarkedAsACopyWithItsNumberInEachLanguage() {
        assertThat(TextReceipt.render(ReceiptFixtures.receipt(Language.FR, 2), PaperWidth.MM80))
                .contains("DUPLICATA", "Copie n° 2", "Réimprimé le 02/12/2026 16:05");
        assertThat(TextReceipt.render(ReceiptFixtures.receipt(Language.EN, 3), PaperWidth.MM58)).contains("COPY", "Copy no. 3");
        assertThat(TextReceipt.render(ReceiptFixtures.receipt(Language.ES, 2), PaperWidth.MM58)).contains("DUPLICADO");
        assertThat(TextReceipt.render(ReceiptFixtures.receipt(Language.AR, 2), PaperWidth.MM80)).contains("نسخة مكررة");
    }

    @Test
    void aDemoOrSandboxSaleSaysSoLargeAtTheTopAndTheBottom() {
        Receipt demo = ReceiptFixtures.receipt(ReceiptFixtures.sale(Environment.DEMO, 3), Language.FR, 1, ReceiptKind.SALE);
        assertThat(ReceiptLayout.of(demo).get(0)).isEqualTo(new Block.Banner("DÉMO - RIEN N'A ÉTÉ VENDU"));
        assertThat(ReceiptLayout.of(demo)).filteredOn(b -> b instanceof Block.Banner).hasSize(2);
        Receipt sandbox = ReceiptFixtures.receipt(ReceiptFixtures.sale(Environment.SANDBOX, 3), Language.EN, 1,
                ReceiptKind.SALE);
        assertThat(TextReceipt.render(sandbox, PaperWidth.MM58)).contains("TEST (SANDBOX)", "NOTHING WAS");
        // on the printer: double size, white on black
        byte[] bytes = EscPosReceipt.render(demo, PaperWidth.MM80, false);
        assertThat(EscPosDecoder.decode(bytes).lines()).anyMatch(l -> l.contains("DÉMO"));
    }

    @Test
    void theNotDeliveredSlipSaysTheMoneyGoesBack() {
        Receipt slip = ReceiptFixtures.receipt(ReceiptFixtures.sale(Environment.PRODUCTION, 4), Language.FR, 1,
                ReceiptKind.NOT_DELIVERED);
        assertThat(TextReceipt.render(slip, PaperWidth.MM80)).contains("RECHARGE NON LIVRÉE", "4 - Cette ligne est inexistante",
                "rendu au client").doesNotContain("Merci");
    }

    @Test
    void escPosInitialisesSelectsTheEuroCodePagePrintsAccentsQrAndCuts() {
        byte[] bytes = EscPosReceipt.render(ReceiptFixtures.receipt(Language.FR, 1), PaperWidth.MM80, true);
        EscPosDecoder d = EscPosDecoder.decode(bytes);
        assertThat(d.first()).isEqualTo(EscPosDecoder.Kind.INIT);
        assertThat(d.events).contains(new EscPosDecoder.Event(EscPosDecoder.Kind.CODE_PAGE, null, 19, 0));
        assertThat(d.lines()).anyMatch(l -> l.contains("REÇU DE RECHARGE")).anyMatch(l -> l.contains("Opérateur"))
                .allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(48));
        assertThat(d.qrCodes()).containsExactly("HN-20261202-7F3KQ9");
        assertThat(d.count(EscPosDecoder.Kind.CUT)).isEqualTo(1);
        assertThat(d.count(EscPosDecoder.Kind.DRAWER)).isEqualTo(1);
        assertThat(EscPosDecoder.decode(EscPosReceipt.render(ReceiptFixtures.receipt(Language.FR, 1), PaperWidth.MM58, false))
                .count(EscPosDecoder.Kind.DRAWER)).isZero();
    }

    @Test
    void anArabicReceiptIsARasterAtThePaperWidthNotText() {
        for (PaperWidth w : PaperWidth.values()) {
            EscPosDecoder d = EscPosDecoder.decode(EscPosReceipt.render(ReceiptFixtures.receipt(Language.AR, 2), w, false));
            assertThat(d.first()).isEqualTo(EscPosDecoder.Kind.INIT);
            assertThat(d.lines()).allSatisfy(l -> assertThat(l).isBlank());
            assertThat(d.rasterWidthDots()).isEqualTo(w.dots());
            assertThat(d.rasterRows()).isGreaterThan(600);
            assertThat(d.count(EscPosDecoder.Kind.CUT)).isEqualTo(1);
        }
    }

    @Test
    void arabicIsDrawnRightToLeft() {
        // the label column of a right-to-left receipt is on the right: its ink ends at the right margin
        BufferedImage ar = ReceiptImage.render(ReceiptFixtures.receipt(Language.AR, 1), PaperWidth.MM80);
        BufferedImage fr = ReceiptImage.render(ReceiptFixtures.receipt(Language.FR, 1), PaperWidth.MM80);
        assertThat(ar.getWidth()).isEqualTo(576);
        assertThat(inkRows(ar, 0, 40)).isGreaterThan(0); // values (numbers) on the left
        assertThat(inkRows(ar, 536, 576)).isGreaterThan(inkRows(fr, 536, 576) / 2);
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void thePngIsAsWideAsThePrinterHasDots(PaperWidth width) throws IOException {
        for (Language lang : Language.values()) {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(ReceiptImage.png(ReceiptFixtures.receipt(lang, 1), width)));
            assertThat(img.getWidth()).as(lang.code()).isEqualTo(width.dots());
            assertThat(img.getHeight()).isBetween(500, 3000);
        }
    }

    @Test
    void thePdfTicketAndA4HoldExtractableText() throws IOException {
        for (PdfReceipt.Page page : PdfReceipt.Page.values()) {
            byte[] pdf = PdfReceipt.render(ReceiptFixtures.receipt(Language.FR, 2), PaperWidth.MM80, page);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("REÇU DE RECHARGE", "DUPLICATA", "Copie n° 2", "Opérateur", "50,00 DH",
                        "HN-20261202-7F3KQ9", "3 - Effectué");
                float widthMm = doc.getPage(0).getMediaBox().getWidth() * 25.4f / 72f;
                assertThat(widthMm).isCloseTo(page == PdfReceipt.Page.A4 ? 210f : 80f, org.assertj.core.data.Offset.offset(1f));
            }
        }
    }

    @Test
    void anArabicPdfShowsTheShapedImageWithItsTextUnderneath() throws IOException {
        byte[] pdf = PdfReceipt.render(ReceiptFixtures.receipt(Language.AR, 1), PaperWidth.MM58, PdfReceipt.Page.TICKET);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("HN-20261202-7F3KQ9", "REF-88213");
        }
    }

    /** Rows with at least one dark pixel between columns {@code from} and {@code to}. */
    static int inkRows(BufferedImage img, int from, int to) {
        int rows = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = from; x < to; x++) {
                if ((img.getRGB(x, y) & 0xff) < 100) {
                    rows++;
                    break;
                }
            }
        }
        return rows;
    }

    @Test
    void writesSamplesToLookAt() throws IOException {
        Path out = Path.of("target", "receipt-samples");
        Files.createDirectories(out);
        Receipt demo = ReceiptFixtures.receipt(ReceiptFixtures.sale(Environment.DEMO, 3), Language.FR, 1, ReceiptKind.SALE);
        // the README's pictures (assets/receipts/): copy them from here
        Files.write(out.resolve("receipt-fr.png"), ReceiptImage.png(ReceiptFixtures.receipt(Language.FR, 1), PaperWidth.MM80));
        Files.write(out.resolve("receipt-ar.png"), ReceiptImage.png(ReceiptFixtures.receipt(Language.AR, 1), PaperWidth.MM80));
        Files.write(out.resolve("fr.png"), ReceiptImage.png(ReceiptFixtures.receipt(Language.FR, 2), PaperWidth.MM80));
        Files.write(out.resolve("ar.png"), ReceiptImage.png(ReceiptFixtures.receipt(Language.AR, 2), PaperWidth.MM80));
        Files.write(out.resolve("demo58.png"), ReceiptImage.png(demo, PaperWidth.MM58));
        Files.write(out.resolve("fr.txt"), TextReceipt.render(demo, PaperWidth.MM58).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(out.resolve("fr.png")).exists();
    }
}
