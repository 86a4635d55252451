package ma.hanout.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.ZoneId;

import ma.hanout.app.Receipts;
import ma.hanout.domain.Environment;
import ma.hanout.domain.Language;
import ma.hanout.domain.Money;
import ma.hanout.domain.SaleAccount;
import ma.hanout.domain.Shift;
import ma.hanout.domain.ShiftReport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ShiftSlipTest {
    private static final ZoneId CASA = ZoneId.of("Africa/Casablanca");

    static Shift closed(Environment env, Money counted) {
        return new Shift(7, "Fatima", "T-0A1B2C", new SaleAccount(env, "API-0042"), ReceiptFixtures.AT,
                ReceiptFixtures.AT.plusSeconds(8 * 3600), "owner",
                new ShiftReport(12, 9, 2, 1, 0, Money.ofCentimes(45_050), counted));
    }

    @ParameterizedTest
    @EnumSource(PaperWidth.class)
    void theFrenchReportSaysWhoWhenAndEveryFigureWithinThePaper(PaperWidth width) {
        Slip slip = ShiftSlip.of(ReceiptFixtures.SHOP, closed(Environment.PRODUCTION, Money.ofMad(440)), CASA,
                Receipts.words(Language.FR));
        String text = TextReceipt.render(slip, width);
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width.columns()));
        assertThat(text).contains("Hanout Al Baraka", "Rapport de caisse", "Caisse n° 7", "Fatima", "T-0A1B2C",
                "02/12/2026 15:05", "02/12/2026 23:05", "Ventes", "12", "Réussies", "Échouées", "Remboursées",
                "En attente", "450,50 DH", "440,00 DH", "-10,50 DH", "Clôturée par", "propriétaire")
                .doesNotContain("DÉMO");
        assertThat(slip.rightToLeft()).isFalse();
        assertThat(slip.title()).isEqualTo("Rapport de caisse #7");
    }

    @Test
    void aSurplusHasItsPlusSignAndUncountedCashSaysSo() {
        assertThat(TextReceipt.render(ShiftSlip.of(ShopDetails.NONE, closed(Environment.PRODUCTION, Money.ofMad(451)),
                CASA, Receipts.words(Language.EN)), PaperWidth.MM80)).contains("Shift report", "+0,50 DH");
        assertThat(TextReceipt.render(ShiftSlip.of(ShopDetails.NONE, closed(Environment.PRODUCTION, null), CASA,
                Receipts.words(Language.ES)), PaperWidth.MM58)).contains("Informe de caja", "no contado")
                .doesNotContain("Diferencia");
    }

    @Test
    void aDemoShiftIsMarkedAndAnOpenShiftHasNoReport() {
        Slip demo = ShiftSlip.of(ReceiptFixtures.SHOP, closed(Environment.DEMO, null), CASA, Receipts.words(Language.FR));
        assertThat(demo.blocks()).filteredOn(b -> b instanceof Block.Banner).hasSize(2);
        Shift open = new Shift(8, "Fatima", "T-0A1B2C", new SaleAccount(Environment.PRODUCTION, "API-0042"),
                ReceiptFixtures.AT, null, null, null);
        assertThatThrownBy(() -> ShiftSlip.of(ReceiptFixtures.SHOP, open, CASA, Receipts.words(Language.FR)))
                .hasMessageContaining("still open");
    }

    @Test
    void onThePrinterLatinIsTextAndArabicIsARaster() {
        Shift s = closed(Environment.PRODUCTION, Money.ofMad(440));
        EscPosDecoder fr = EscPosDecoder.decode(EscPosReceipt.render(
                ShiftSlip.of(ReceiptFixtures.SHOP, s, CASA, Receipts.words(Language.FR)), PaperWidth.MM80, false));
        assertThat(fr.lines()).anyMatch(l -> l.contains("Rapport de caisse")).anyMatch(l -> l.contains("450,50 DH"));
        assertThat(fr.count(EscPosDecoder.Kind.CUT)).isEqualTo(1);
        assertThat(fr.qrCodes()).isEmpty();
        Slip ar = ShiftSlip.of(ReceiptFixtures.SHOP, s, CASA, Receipts.words(Language.AR));
        assertThat(ar.rightToLeft()).isTrue();
        EscPosDecoder raster = EscPosDecoder.decode(EscPosReceipt.render(ar, PaperWidth.MM58, false));
        assertThat(raster.lines()).noneMatch(l -> l.contains("450"));
        assertThat(raster.count(EscPosDecoder.Kind.RASTER)).isPositive();
        assertThat(ReceiptImage.render(ar, PaperWidth.MM58).getWidth()).isEqualTo(384);
    }

    @Test
    void thePdfHoldsTheFiguresAsText() throws IOException {
        byte[] pdf = PdfReceipt.render(ShiftSlip.of(ReceiptFixtures.SHOP, closed(Environment.PRODUCTION, Money.ofMad(440)),
                CASA, Receipts.words(Language.FR)), PaperWidth.MM80, PdfReceipt.Page.A4);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertThat(doc.getDocumentInformation().getTitle()).isEqualTo("Rapport de caisse #7");
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport de caisse", "Fatima", "450,50 DH",
                    "-10,50 DH");
        }
    }
}
