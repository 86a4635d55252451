package ma.hanout.receipt;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** The outputs of a receipt ({@code receipt --format}). */
public enum ReceiptFormat {
    TEXT("txt"), PDF("pdf"), PNG("png"), ESCPOS("bin");

    private final String extension;

    ReceiptFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ReceiptFormat> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        for (ReceiptFormat f : values()) {
            if (f.name().equalsIgnoreCase(name.strip())) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** The receipt in this format (PDF: the ticket size); ESC/POS without the drawer pulse unless asked. */
    public byte[] render(Receipt receipt, PaperWidth width, boolean kickDrawer) {
        return render(receipt.slip(), width, kickDrawer);
    }

    /** Any slip in this format, as {@link #render(Receipt, PaperWidth, boolean)}. */
    public byte[] render(Slip slip, PaperWidth width, boolean kickDrawer) {
        return switch (this) {
            case TEXT -> TextReceipt.render(slip, width).getBytes(StandardCharsets.UTF_8);
            case PDF -> PdfReceipt.render(slip, width, PdfReceipt.Page.TICKET);
            case PNG -> ReceiptImage.png(slip, width);
            case ESCPOS -> EscPosReceipt.render(slip, width, kickDrawer);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
