package ma.hanout.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The receipt as a PDF (Apache PDFBox) for e-mail and the archive: a ticket the width of the roll, or
 * the same ticket on an A4 page. Latin receipts are real text (Courier, so the columns of the
 * thermal layout hold) and the QR code is drawn as vector squares. An Arabic receipt is the shaped
 * {@link ReceiptImage} with its text laid invisibly underneath, so it can still be searched and copied.
 */
public final class PdfReceipt {
    /** Page size. */
    public enum Page {
        TICKET, A4
    }

    private static final float MM = 72f / 25.4f;

    private PdfReceipt() {
    }

    public static byte[] render(Receipt receipt, PaperWidth width, Page page) {
        return render(receipt.slip(), width, page);
    }

    /** Any slip (a receipt, a shift report) as a PDF. */
    public static byte[] render(Slip slip, PaperWidth width, Page page) {
        try (PDDocument doc = new PDDocument()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(slip.title());
            info.setCreator("Hanout");
            if (slip.rightToLeft()) {
                raster(doc, slip, width, page);
            } else {
                text(doc, slip, width, page);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the receipt's PDF: " + e.getMessage(), e);
        }
    }

    private static void text(PDDocument doc, Slip slip, PaperWidth width, Page page) throws IOException {
        int cols = width.columns();
        List<Block> blocks = slip.blocks();
        float ticketWidth = width.millimetres() * MM;
        float margin = 4 * MM;
        float size = page == Page.A4 ? 10f : (ticketWidth - 2 * margin) / (cols * 0.6f);
        float leading = size * 1.25f;
        float column = cols * 0.6f * size;
        float qrSide = Math.min(column * 0.5f, 40 * MM);
        float height = 2 * margin;
        for (Block b : blocks) {
            height += b instanceof Block.Qr ? qrSide + leading : TextReceipt.lines(b, cols).size() * leading;
        }
        PDRectangle box = page == Page.A4 ? PDRectangle.A4 : new PDRectangle(ticketWidth, height);
        PDPage p = new PDPage(box);
        doc.addPage(p);
        PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.COURIER);
        PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.COURIER_BOLD);
        float left = (box.getWidth() - column) / 2f;
        float y = box.getHeight() - margin - size;
        Encodable enc = new Encodable(regular);
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
            for (Block b : blocks) {
                if (b instanceof Block.Qr q) {
                    y -= qrSide;
                    qr(cs, q.data(), left + (column - qrSide) / 2f, y + size, qrSide);
                    y -= leading;
                    continue;
                }
                boolean strong = b instanceof Block.Heading || b instanceof Block.Banner
                        || b instanceof Block.Field f && f.emphasis();
                for (String line : TextReceipt.lines(b, cols)) {
                    cs.beginText();
                    cs.setFont(strong ? bold : regular, size);
                    cs.newLineAtOffset(left, y);
                    cs.showText(enc.of(line));
                    cs.endText();
                    y -= leading;
                }
            }
        }
    }

    private static void raster(PDDocument doc, Slip slip, PaperWidth width, Page page) throws IOException {
        BufferedImage image = ReceiptImage.render(slip, width);
        float imageWidth = (width.millimetres() - 8) * MM;
        float imageHeight = imageWidth * image.getHeight() / image.getWidth();
        float margin = 4 * MM;
        PDRectangle box = page == Page.A4 ? PDRectangle.A4
                : new PDRectangle(width.millimetres() * MM, imageHeight + 2 * margin);
        if (page == Page.A4 && imageHeight > box.getHeight() - 2 * margin) {
            float scale = (box.getHeight() - 2 * margin) / imageHeight;
            imageWidth *= scale;
            imageHeight *= scale;
        }
        PDPage p = new PDPage(box);
        doc.addPage(p);
        PDImageXObject xo = LosslessFactory.createFromImage(doc, image);
        float x = (box.getWidth() - imageWidth) / 2f;
        float top = box.getHeight() - margin;
        try (PDPageContentStream cs = new PDPageContentStream(doc, p)) {
            cs.drawImage(xo, x, top - imageHeight, imageWidth, imageHeight);
            Path fontFile = ReceiptFonts.regularFile();
            if (fontFile == null) {
                return; // no Unicode font to embed: the image alone
            }
            PDFont font = PDType0Font.load(doc, fontFile.toFile());
            List<String> lines = TextReceipt.lines(slip.blocks(), width.columns());
            float leading = imageHeight / Math.max(1, lines.size());
            float size = Math.min(leading * 0.8f, 9f);
            Encodable enc = new Encodable(font);
            cs.beginText();
            cs.setRenderingMode(RenderingMode.NEITHER);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, top - leading);
            for (String line : lines) {
                cs.showText(enc.of(line.strip()));
                cs.newLineAtOffset(0, -leading);
            }
            cs.endText();
        }
    }

    private static void qr(PDPageContentStream cs, String data, float x, float top, float side) throws IOException {
        boolean[][] m = QrMatrix.of(data);
        float module = side / m.length;
        for (int row = 0; row < m.length; row++) {
            for (int col = 0; col < m.length; col++) {
                if (m[row][col]) {
                    cs.addRect(x + col * module, top - (row + 1) * module, module, module);
                }
            }
        }
        cs.fill();
    }

    /** Replaces what the font cannot encode (a narrow space, an emoji) by {@code ?} instead of failing. */
    private static final class Encodable {
        private final PDFont font;
        private final Map<Integer, Boolean> known = new HashMap<>();

        Encodable(PDFont font) {
            this.font = font;
        }

        String of(String text) {
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().filter(cp -> Character.getType(cp) != Character.FORMAT) // bidi marks: nothing to draw
                    .forEach(cp -> out.appendCodePoint(known.computeIfAbsent(cp, this::canEncode) ? cp : '?'));
            return out.toString();
        }

        private boolean canEncode(int cp) {
            try {
                font.encode(new String(Character.toChars(cp)));
                return true;
            } catch (IllegalArgumentException | IOException e) {
                return false;
            }
        }
    }
}
