package ma.hanout.receipt;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The receipt drawn as a printer would print it, one pixel per printer dot (384 or 576 wide): the
 * on-screen preview (PNG) and the raster an Arabic receipt is printed as. Text is laid out by
 * Java2D, which shapes Arabic letters and orders mixed text with the Unicode bidirectional
 * algorithm: in Arabic the lines start on the right, numbers and references still read left to right.
 */
public final class ReceiptImage {
    private static final int MAX_HEIGHT = 8000;

    private final PaperWidth width;
    private final boolean rightToLeft;
    private final Graphics2D g;
    private final BufferedImage canvas;
    private final FontRenderContext frc;
    private final int margin;
    private final float normal;
    private int y;

    private ReceiptImage(PaperWidth width, boolean rightToLeft) {
        this.width = width;
        this.rightToLeft = rightToLeft;
        this.canvas = new BufferedImage(width.dots(), MAX_HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
        this.g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setColor(Color.BLACK);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        this.frc = g.getFontRenderContext();
        this.margin = width == PaperWidth.MM58 ? 8 : 12;
        this.normal = width == PaperWidth.MM58 ? 17f : 22f;
        this.y = margin;
    }

    /** The receipt as an image {@code width.dots()} pixels wide, as tall as it needs. */
    public static BufferedImage render(Receipt receipt, PaperWidth width) {
        return render(receipt.slip(), width);
    }

    /** Any slip as an image {@code width.dots()} pixels wide. */
    public static BufferedImage render(Slip slip, PaperWidth width) {
        ReceiptImage r = new ReceiptImage(width, slip.rightToLeft());
        try {
            for (Block b : slip.blocks()) {
                r.draw(b);
            }
            r.y += r.margin * 2;
            return r.canvas.getSubimage(0, 0, width.dots(), Math.min(r.y, MAX_HEIGHT));
        } finally {
            r.g.dispose();
        }
    }

    /** The receipt as a PNG file's bytes. */
    public static byte[] png(Receipt receipt, PaperWidth width) {
        return png(render(receipt, width));
    }

    /** Any slip as a PNG file's bytes. */
    public static byte[] png(Slip slip, PaperWidth width) {
        return png(render(slip, width));
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void draw(Block b) {
        int inner = width.dots() - 2 * margin;
        if (b instanceof Block.Heading h) {
            paragraph(h.text(), font(true, h.large() ? normal * 1.6f : normal * 1.15f), Align.CENTER, inner);
        } else if (b instanceof Block.Centered c) {
            paragraph(c.text(), font(false, normal), Align.CENTER, inner);
        } else if (b instanceof Block.Note n) {
            paragraph(n.text(), font(false, normal * 0.9f), Align.CENTER, inner);
        } else if (b instanceof Block.Field f) {
            field(f, inner);
        } else if (b instanceof Block.Banner banner) {
            banner(banner.text(), inner);
        } else if (b instanceof Block.Qr q) {
            qr(q.data());
        } else if (b instanceof Block.Rule) {
            y += (int) (normal * 0.4f);
            g.setStroke(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            g.drawLine(margin, y, width.dots() - margin, y);
            y += (int) (normal * 0.5f);
        }
    }

    private enum Align {
        START, CENTER, END
    }

    private Font font(boolean bold, float size) {
        return (bold ? ReceiptFonts.BOLD : ReceiptFonts.REGULAR).deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
    }

    private TextLayout layout(String text, Font font) {
        String t = numbersTogether(text);
        return new TextLayout(t.isEmpty() ? " " : t, font, frc);
    }

    /**
     * In a right-to-left line the groups of a number ({@code 0522 45 67 89}, a date and its time)
     * would come out in reverse order; joined by no-break spaces, which the bidirectional algorithm
     * keeps inside one number, they read left to right.
     */
    private String numbersTogether(String text) {
        return rightToLeft ? DIGIT_SPACE_DIGIT.matcher(text).replaceAll("\u00a0") : text;
    }

    private static final java.util.regex.Pattern DIGIT_SPACE_DIGIT = java.util.regex.Pattern.compile("(?<=[0-9]) (?=[0-9])");

    /** Wrapped lines; each line's direction follows its first strong letter (Arabic: right to left). */
    private void paragraph(String text, Font font, Align align, int inner) {
        for (TextLayout line : wrap(text, font, inner)) {
            line(line, align, inner);
        }
    }

    private List<TextLayout> wrap(String text, Font font, int inner) {
        List<TextLayout> out = new ArrayList<>();
        if (text.isEmpty()) {
            out.add(layout(" ", font));
            return out;
        }
        text = numbersTogether(text);
        AttributedString as = new AttributedString(text);
        as.addAttribute(TextAttribute.FONT, font);
        LineBreakMeasurer m = new LineBreakMeasurer(as.getIterator(), frc);
        while (m.getPosition() < text.length()) {
            out.add(m.nextLayout(inner));
        }
        return out;
    }

    private void line(TextLayout line, Align align, int inner) {
        float w = line.getAdvance();
        float x = switch (resolve(align)) {
            case START -> margin;
            case CENTER -> margin + (inner - w) / 2f;
            case END -> margin + inner - w;
        };
        y += Math.ceil(line.getAscent());
        line.draw(g, x, y);
        y += Math.ceil(line.getDescent() + line.getLeading()) + 2;
    }

    /** Start and end swap in a right-to-left receipt. */
    private Align resolve(Align a) {
        if (!rightToLeft || a == Align.CENTER) {
            return a;
        }
        return a == Align.START ? Align.END : Align.START;
    }

    private void field(Block.Field f, int inner) {
        Font labelFont = font(false, normal);
        Font valueFont = font(f.emphasis(), f.emphasis() ? normal * 1.25f : normal);
        TextLayout label = layout(f.label(), labelFont);
        TextLayout value = layout(f.value(), valueFont);
        float gap = normal * 0.8f;
        if (label.getAdvance() + gap + value.getAdvance() <= inner) {
            float ascent = Math.max(label.getAscent(), value.getAscent());
            float descent = Math.max(label.getDescent() + label.getLeading(), value.getDescent() + value.getLeading());
            y += Math.ceil(ascent);
            float labelX = rightToLeft ? margin + inner - label.getAdvance() : margin;
            float valueX = rightToLeft ? margin : margin + inner - value.getAdvance();
            label.draw(g, labelX, y);
            value.draw(g, valueX, y);
            y += Math.ceil(descent) + 2;
        } else {
            paragraph(f.label(), labelFont, Align.START, inner);
            paragraph(f.value(), valueFont, Align.END, inner);
        }
    }

    /** White on black, large and bold: it cannot be missed. */
    private void banner(String text, int inner) {
        Font font = font(true, normal * 1.5f);
        List<TextLayout> lines = wrap(text, font, inner - 2 * margin);
        int pad = (int) (normal * 0.35f);
        int top = y + pad;
        float height = 0;
        for (TextLayout l : lines) {
            height += l.getAscent() + l.getDescent() + l.getLeading() + 2;
        }
        g.fillRect(margin, top, inner, (int) Math.ceil(height) + 2 * pad);
        g.setColor(Color.WHITE);
        y = top + pad;
        for (TextLayout l : lines) {
            line(l, Align.CENTER, inner);
        }
        g.setColor(Color.BLACK);
        y = top + (int) Math.ceil(height) + 3 * pad;
    }

    private void qr(String data) {
        boolean[][] modules = QrMatrix.of(data);
        int size = modules.length;
        int module = Math.max(3, (width.dots() / 2) / size);
        int side = module * size;
        int x0 = (width.dots() - side) / 2;
        y += (int) (normal * 0.5f);
        for (int row = 0; row < size; row++) {
            for (int col = 0; col < size; col++) {
                if (modules[row][col]) {
                    g.fillRect(x0 + col * module, y + row * module, module, module);
                }
            }
        }
        y += side + (int) (normal * 0.5f);
    }
}
