import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;

import javax.imageio.ImageIO;

/**
 * Draws Hanout's application icon (a corner shop's striped awning over a phone receiving credit)
 * at every size the installers want, as PNG files: {@code java MakeIcon.java OUTPUT_DIR}.
 * Drawn in code rather than kept as a bitmap so that each size is drawn sharp, not scaled down,
 * and any size can be remade. {@code installer/icon/make.sh} turns the PNGs into .ico and .icns.
 */
public final class MakeIcon {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    private static final Color GREEN_TOP = new Color(0x0F, 0x7A, 0x4D);
    private static final Color GREEN_BOTTOM = new Color(0x07, 0x4D, 0x31);
    private static final Color RED = new Color(0xC1, 0x27, 0x2D);
    private static final Color CREAM = new Color(0xFF, 0xF8, 0xEC);
    private static final Color GOLD = new Color(0xF2, 0xB1, 0x34);

    public static void main(String[] args) throws IOException {
        File dir = new File(args.length > 0 ? args[0] : ".");
        dir.mkdirs();
        for (int size : SIZES) {
            ImageIO.write(draw(size), "png", new File(dir, "hanout-" + size + ".png"));
        }
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.scale(size / 100.0, size / 100.0); // drawn on a 100 x 100 grid
        boolean tiny = size < 32;

        // the tile
        double inset = tiny ? 1 : 4;
        RoundRectangle2D tile = new RoundRectangle2D.Double(inset, inset, 100 - 2 * inset, 100 - 2 * inset, 22, 22);
        g.setPaint(new GradientPaint(0, 0, GREEN_TOP, 0, 100, GREEN_BOTTOM));
        g.fill(tile);
        g.setClip(tile);

        // the awning: stripes, then scallops
        int stripes = tiny ? 3 : 5;
        double top = inset, awningBottom = 36, width = 100.0 / stripes;
        for (int i = 0; i < stripes; i++) {
            g.setColor(i % 2 == 0 ? RED : CREAM);
            g.fill(new java.awt.geom.Rectangle2D.Double(i * width, top, width + 0.5, awningBottom - top));
            Ellipse2D scallop = new Ellipse2D.Double(i * width, awningBottom - width / 2, width, width);
            g.fill(scallop);
        }
        g.setClip(null);

        // the phone
        double pw = 34, ph = 50, px = 50 - pw / 2, py = 42;
        RoundRectangle2D phone = new RoundRectangle2D.Double(px, py, pw, ph, 9, 9);
        g.setColor(CREAM);
        g.fill(phone);
        g.setColor(GREEN_BOTTOM);
        g.fill(new RoundRectangle2D.Double(px + 4, py + 6, pw - 8, ph - 15, 3, 3));
        if (!tiny) {
            g.setColor(CREAM);
            g.fill(new Ellipse2D.Double(50 - 2.5, py + ph - 7.5, 5, 5));
        }
        // credit arriving: a gold plus on the screen
        g.setColor(GOLD);
        g.setStroke(new BasicStroke(tiny ? 7 : 5.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        double cx = 50, cy = py + 6 + (ph - 15) / 2, arm = tiny ? 6 : 7.5;
        Path2D plus = new Path2D.Double();
        plus.moveTo(cx - arm, cy);
        plus.lineTo(cx + arm, cy);
        plus.moveTo(cx, cy - arm);
        plus.lineTo(cx, cy + arm);
        g.draw(plus);
        g.dispose();
        return img;
    }
}
