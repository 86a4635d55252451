package ma.hanout.receipt;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The typeface of receipt images: DejaVu Sans where it is installed (Debian and most Linux; it
 * carries Arabic with its joining forms), else the platform's sans serif (Arial or Segoe UI on
 * Windows and macOS, which carry Arabic too). Loaded once.
 */
final class ReceiptFonts {
    private static final List<Path> PLACES = List.of(Path.of("/usr/share/fonts/truetype/dejavu"),
            Path.of("/usr/share/fonts/dejavu"), Path.of("/usr/share/fonts/TTF"), Path.of("/usr/local/share/fonts"));

    static final Font REGULAR = load("DejaVuSans.ttf", Font.PLAIN);
    static final Font BOLD = load("DejaVuSans-Bold.ttf", Font.BOLD);

    private ReceiptFonts() {
    }

    /** The TrueType file of the regular face, when one is installed (the PDF embeds it for Arabic text). */
    static Path regularFile() {
        return find("DejaVuSans.ttf");
    }

    private static Font load(String file, int style) {
        Path p = find(file);
        if (p != null) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, p.toFile());
            } catch (java.awt.FontFormatException | IOException e) {
                // fall back to the logical font below
            }
        }
        return new Font(Font.SANS_SERIF, style, 1);
    }

    private static Path find(String file) {
        for (Path dir : PLACES) {
            Path p = dir.resolve(file);
            if (Files.isReadable(p)) {
                return p;
            }
        }
        return null;
    }
}
