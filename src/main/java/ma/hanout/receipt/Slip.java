package ma.hanout.receipt;

import java.util.List;
import java.util.Objects;

/**
 * Anything the receipt printer prints: its blocks, in which direction they read, and the title a
 * PDF carries. A sale's {@link Receipt} and a closed shift's {@link ShiftSlip} both make one; the
 * four outputs (text, ESC/POS, PNG, PDF) draw any slip the same way.
 *
 * @param title       the PDF's document title
 * @param rightToLeft Arabic: drawn as a shaped image where the output cannot shape text
 */
public record Slip(String title, List<Block> blocks, boolean rightToLeft) {
    public Slip {
        Objects.requireNonNull(title, "title");
        blocks = List.copyOf(blocks);
    }
}
