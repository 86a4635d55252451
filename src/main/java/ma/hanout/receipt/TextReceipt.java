package ma.hanout.receipt;

import java.util.ArrayList;
import java.util.List;

/**
 * A receipt (or any {@link Slip}) as plain text, one line per printed line at the paper's width in characters: what
 * {@code receipt --format text} prints and what the ESC/POS output is made of.
 */
public final class TextReceipt {
    private TextReceipt() {
    }

    public static String render(Receipt receipt, PaperWidth width) {
        return render(receipt.slip(), width);
    }

    public static String render(Slip slip, PaperWidth width) {
        return String.join("\n", lines(slip.blocks(), width.columns())) + "\n";
    }

    static List<String> lines(List<Block> blocks, int width) {
        List<String> out = new ArrayList<>();
        for (Block b : blocks) {
            out.addAll(lines(b, width));
        }
        return out;
    }

    static List<String> lines(Block b, int width) {
        List<String> out = new ArrayList<>();
        if (b instanceof Block.Heading h) {
            Columns.wrap(h.text(), width).forEach(l -> out.add(Columns.center(l, width)));
        } else if (b instanceof Block.Centered c) {
            Columns.wrap(c.text(), width).forEach(l -> out.add(Columns.center(l, width)));
        } else if (b instanceof Block.Field f) {
            out.addAll(Columns.field(f.label(), f.value(), width));
        } else if (b instanceof Block.Banner banner) {
            out.add("*".repeat(width));
            Columns.wrap(banner.text(), width - 4).forEach(l -> out.add(Columns.center(l, width)));
            out.add("*".repeat(width));
        } else if (b instanceof Block.Note n) {
            Columns.wrap(n.text(), width).forEach(l -> out.add(Columns.center(l, width)));
        } else if (b instanceof Block.Qr q) {
            out.add(Columns.center("[QR " + q.data() + "]", width));
        } else if (b instanceof Block.Rule) {
            out.add("-".repeat(width));
        }
        return out;
    }
}
