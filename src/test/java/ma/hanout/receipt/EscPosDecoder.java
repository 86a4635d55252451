package ma.hanout.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESC/POS bytes back the way a printer would: the commands it meets, the text lines in the
 * selected code page, the QR data, the raster images and the cut. Written from the command
 * reference, independently of the library that produced the bytes. Public for the command line's
 * and the screens' tests, which print to a {@link FakeThermalPrinter}.
 */
public final class EscPosDecoder {
    public enum Kind {
        INIT, CODE_PAGE, TEXT, QR, RASTER, CUT, DRAWER, STATUS_REQUEST
    }

    public record Event(Kind kind, String text, int a, int b) {
    }

    public final List<Event> events = new ArrayList<>();

    public static EscPosDecoder decode(byte[] bytes) {
        EscPosDecoder d = new EscPosDecoder();
        d.run(bytes);
        return d;
    }

    public List<String> lines() {
        return events.stream().filter(e -> e.kind == Kind.TEXT).map(Event::text).toList();
    }

    public List<String> qrCodes() {
        return events.stream().filter(e -> e.kind == Kind.QR).map(Event::text).toList();
    }

    public long count(Kind k) {
        return events.stream().filter(e -> e.kind == k).count();
    }

    public Kind first() {
        return events.get(0).kind;
    }

    /** Total rows of raster image received. */
    public int rasterRows() {
        return events.stream().filter(e -> e.kind == Kind.RASTER).mapToInt(Event::b).sum();
    }

    public int rasterWidthDots() {
        return events.stream().filter(e -> e.kind == Kind.RASTER).mapToInt(Event::a).max().orElse(0);
    }

    private void run(byte[] b) {
        Charset charset = Charset.forName("cp437");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xff;
            if (c == 0x1b) {
                int cmd = b[i + 1] & 0xff;
                switch (cmd) {
                    case '@' -> {
                        events.add(new Event(Kind.INIT, null, 0, 0));
                        i += 2;
                    }
                    case 't' -> {
                        int n = b[i + 2] & 0xff;
                        events.add(new Event(Kind.CODE_PAGE, null, n, 0));
                        charset = n == 19 ? Charset.forName("cp858") : n == 2 ? Charset.forName("cp850") : Charset.forName("cp437");
                        i += 3;
                    }
                    case '2' -> i += 2;
                    case 'a', 'E', 'M', '-', '3', '!', 'd', 'G' -> i += 3;
                    case 'p' -> {
                        events.add(new Event(Kind.DRAWER, null, b[i + 2], 0));
                        i += 5;
                    }
                    default -> throw new IllegalStateException("unknown ESC " + cmd + " at " + i);
                }
            } else if (c == 0x1d) {
                int cmd = b[i + 1] & 0xff;
                switch (cmd) {
                    case '!', 'B' -> i += 3;
                    case 'V' -> {
                        int m = b[i + 2] & 0xff;
                        events.add(new Event(Kind.CUT, null, m, 0));
                        i += (m == 65 || m == 66) ? 4 : 3;
                    }
                    case '(' -> {
                        int pl = b[i + 3] & 0xff;
                        int ph = b[i + 4] & 0xff;
                        int len = pl + ph * 256;
                        int fn = b[i + 6] & 0xff;
                        if (fn == 80) {
                            events.add(new Event(Kind.QR, new String(b, i + 8, len - 3, Charset.forName("ISO-8859-1")), 0, 0));
                        }
                        i += 5 + len;
                    }
                    case 'v' -> {
                        int xBytes = (b[i + 4] & 0xff) + (b[i + 5] & 0xff) * 256;
                        int rows = (b[i + 6] & 0xff) + (b[i + 7] & 0xff) * 256;
                        events.add(new Event(Kind.RASTER, null, xBytes * 8, rows));
                        i += 8 + xBytes * rows;
                    }
                    default -> throw new IllegalStateException("unknown GS " + cmd + " at " + i);
                }
            } else if (c == 0x10 && i + 1 < b.length && (b[i + 1] & 0xff) == 0x04) {
                events.add(new Event(Kind.STATUS_REQUEST, null, b[i + 2], 0));
                i += 3;
            } else if (c == 0x0a) {
                events.add(new Event(Kind.TEXT, new String(text.toByteArray(), charset), 0, 0));
                text.reset();
                i++;
            } else {
                text.write(c);
                i++;
            }
        }
    }
}
