package ma.hanout.receipt;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/** The modules of a QR code (ZXing's encoder), for the outputs that draw it themselves (image, PDF). */
final class QrMatrix {
    private QrMatrix() {
    }

    /** One entry per module, {@code true} = dark; no quiet zone (the drawer leaves the margin). */
    static boolean[][] of(String data) {
        try {
            BitMatrix m = new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            boolean[][] out = new boolean[m.getHeight()][m.getWidth()];
            for (int y = 0; y < m.getHeight(); y++) {
                for (int x = 0; x < m.getWidth(); x++) {
                    out[y][x] = m.get(x, y);
                }
            }
            return out;
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot make a QR code of '" + data + "': " + e.getMessage(), e);
        }
    }
}
