package ma.hanout.receipt;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.github.anastaciocintra.escpos.EscPos;
import com.github.anastaciocintra.escpos.EscPos.CharacterCodeTable;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import com.github.anastaciocintra.escpos.image.BitonalThreshold;
import com.github.anastaciocintra.escpos.image.CoffeeImageImpl;
import com.github.anastaciocintra.escpos.image.EscPosImage;
import com.github.anastaciocintra.escpos.image.RasterBitImageWrapper;

/**
 * The receipt as ESC/POS bytes for a thermal printer (escpos-coffee writes the commands):
 * initialise, code page 858 (Latin with the accents of French and Spanish, and the euro), text with
 * bold, double size and alignment, the printer's own QR code, feed and partial cut, and the
 * optional cash-drawer pulse. Thermal printers cannot shape Arabic, so an Arabic receipt is sent as
 * the {@link ReceiptImage} raster (GS v 0), in bands a small printer's buffer accepts.
 */
public final class EscPosReceipt {
    /** Rows per raster command: some printers refuse one image taller than a few hundred dots. */
    static final int BAND_ROWS = 256;

    private EscPosReceipt() {
    }

    /** @param kickDrawer also pulse the cash drawer (pin 2) after the cut */
    public static byte[] render(Receipt receipt, PaperWidth width, boolean kickDrawer) {
        return render(receipt.slip(), width, kickDrawer);
    }

    /** Any slip (a receipt, a shift report) as ESC/POS; {@code kickDrawer} as above. */
    public static byte[] render(Slip slip, PaperWidth width, boolean kickDrawer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (EscPos escpos = new EscPos(bytes)) {
            escpos.initializePrinter();
            if (slip.rightToLeft()) {
                raster(escpos, ReceiptImage.render(slip, width));
            } else {
                escpos.setCharacterCodeTable(CharacterCodeTable.CP858_Euro);
                text(escpos, slip.blocks(), width);
            }
            escpos.feed(4);
            escpos.cut(EscPos.CutMode.PART);
            if (kickDrawer) {
                escpos.pulsePin(EscPos.PinConnector.Pin_2, 25, 250);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a byte array does not fail
        }
        return bytes.toByteArray();
    }

    private static void text(EscPos escpos, List<Block> blocks, PaperWidth width) throws IOException {
        int cols = width.columns();
        Style plain = new Style();
        Style center = new Style().setJustification(Justification.Center);
        Style centerBold = new Style(center).setBold(true);
        Style large = new Style(centerBold).setFontSize(Style.FontSize._2, Style.FontSize._2);
        Style banner = new Style(large).setColorMode(Style.ColorMode.WhiteOnBlack);
        Style bold = new Style().setBold(true);
        for (Block b : blocks) {
            if (b instanceof Block.Heading h) {
                for (String l : Columns.wrap(h.text(), h.large() ? cols / 2 : cols)) {
                    escpos.writeLF(h.large() ? large : centerBold, l);
                }
            } else if (b instanceof Block.Centered c) {
                for (String l : Columns.wrap(c.text(), cols)) {
                    escpos.writeLF(center, l);
                }
            } else if (b instanceof Block.Note n) {
                for (String l : Columns.wrap(n.text(), cols)) {
                    escpos.writeLF(center, l);
                }
            } else if (b instanceof Block.Field f) {
                for (String l : Columns.field(f.label(), f.value(), cols)) {
                    escpos.writeLF(f.emphasis() ? bold : plain, l);
                }
            } else if (b instanceof Block.Banner banner1) {
                for (String l : Columns.wrap(banner1.text(), cols / 2 - 2)) {
                    escpos.writeLF(banner, " " + l + " ");
                }
            } else if (b instanceof Block.Qr q) {
                escpos.feed(1);
                escpos.write(new QRCode().setSize(width == PaperWidth.MM58 ? 5 : 6)
                        .setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
                        .setJustification(Justification.Center), q.data());
                escpos.feed(1);
            } else if (b instanceof Block.Rule) {
                escpos.writeLF(plain, "-".repeat(cols));
            }
        }
        escpos.setStyle(plain);
    }

    private static void raster(EscPos escpos, BufferedImage image) throws IOException {
        RasterBitImageWrapper wrapper = new RasterBitImageWrapper().setJustification(Justification.Center);
        for (int top = 0; top < image.getHeight(); top += BAND_ROWS) {
            BufferedImage band = image.getSubimage(0, top, image.getWidth(), Math.min(BAND_ROWS, image.getHeight() - top));
            escpos.write(wrapper, new EscPosImage(new CoffeeImageImpl(band), new BitonalThreshold(127)));
        }
    }
}
