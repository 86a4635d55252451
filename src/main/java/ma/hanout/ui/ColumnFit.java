package ma.hanout.ui;

import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Gives a table column the width its longest value needs, so that a time, an amount or an
 * operator's name is never cut to "15:…" or "Maroc Tel…" when the window is narrow: the table
 * takes its other columns' spare room first, then scrolls sideways, but never elides.
 */
public final class ColumnFit {
    /** The window's text size (hanout.css {@code .root}). */
    private static final double FONT_SIZE = 14;
    /** A cell's own padding and the column's border, with a little air. */
    private static final double CELL_PADDING = 14;

    private ColumnFit() {
    }

    /** The column is at least as wide as the widest of {@code samples} in the window's font. */
    public static void atLeast(TableColumn<?, ?> column, String... samples) {
        atLeast(column, FONT_SIZE, false, 0, samples);
    }

    /**
     * The column is at least as wide as the widest of {@code samples} drawn at {@code size}
     * ({@code bold}), plus {@code extra} pixels (a chip's own padding, a logo).
     */
    public static void atLeast(TableColumn<?, ?> column, double size, boolean bold, double extra, String... samples) {
        Font font = Font.font(Font.getDefault().getFamily(), bold ? FontWeight.BOLD : FontWeight.NORMAL, size);
        double widest = 0;
        for (String s : samples) {
            Text t = new Text(s);
            t.setFont(font);
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        double min = Math.ceil(widest + CELL_PADDING + extra);
        column.setMinWidth(min);
        if (column.getPrefWidth() < min) {
            column.setPrefWidth(min);
        }
    }
}
