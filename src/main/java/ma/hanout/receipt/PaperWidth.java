package ma.hanout.receipt;

import java.util.Optional;

/**
 * The two thermal paper rolls a shop buys: 58 mm (32 characters of font A, 384 dots) and 80 mm
 * (48 characters, 576 dots), both at 203 dpi.
 */
public enum PaperWidth {
    MM58(58, 32, 384), MM80(80, 48, 576);

    private final int millimetres;
    private final int columns;
    private final int dots;

    PaperWidth(int millimetres, int columns, int dots) {
        this.millimetres = millimetres;
        this.columns = columns;
        this.dots = dots;
    }

    public int millimetres() {
        return millimetres;
    }

    /** Characters per line in the printer's normal font. */
    public int columns() {
        return columns;
    }

    /** Printable dots per line: the width of the raster image and of the PNG preview. */
    public int dots() {
        return dots;
    }

    /** {@code 58} or {@code 80}; anything else is empty. */
    public static Optional<PaperWidth> ofMillimetres(int mm) {
        for (PaperWidth w : values()) {
            if (w.millimetres == mm) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /** The setting's text ({@code "58"}, {@code "80"}); blank or unknown gives 80 mm, the common roll. */
    public static PaperWidth fromSetting(String text) {
        if (text == null || text.isBlank()) {
            return MM80;
        }
        try {
            return ofMillimetres(Integer.parseInt(text.strip().replace("mm", "").strip())).orElse(MM80);
        } catch (NumberFormatException e) {
            return MM80;
        }
    }
}
